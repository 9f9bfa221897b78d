public import ConveneCore
public import ConveneICal
import Foundation

/// An RFC 5322 message: a readable text part and, for invitations, an iMIP calendar part.
public struct MailMessage: Sendable, Hashable {
    /// Without angle brackets, e.g. `s-opening.forum.p-a.0.request@example.org`.
    public var messageID: String
    public var date: Instant
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var text: String
    /// The iTIP object (bytes as libical wrote them) and its METHOD.
    public var calendar: (bytes: [UInt8], method: ITIPEvent.Method)?

    /// Creates a message; `render()` checks every header value.
    public init(messageID: String, date: Instant, from: MailAddress, to: MailAddress, subject: String, text: String,
                calendar: (bytes: [UInt8], method: ITIPEvent.Method)? = nil) {
        self.messageID = messageID
        self.date = date
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.calendar = calendar
    }

    public static func == (a: MailMessage, b: MailMessage) -> Bool {
        (a.messageID, a.date, a.from, a.to, a.subject, a.text) == (b.messageID, b.date, b.from, b.to, b.subject, b.text)
            && a.calendar?.bytes == b.calendar?.bytes && a.calendar?.method == b.calendar?.method
    }

    public func hash(into h: inout Hasher) { h.combine(messageID) }

    /// The message as it goes on the wire: CRLF line ends, 7-bit headers, base64 parts.
    public func render() throws -> [UInt8] {
        let context = "message to \(to.address)"
        try HeaderValue.check(subject, field: "subject", context: context)
        try HeaderValue.check(messageID, field: "Message-ID", context: context)
        guard messageID.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }),
              messageID.contains("@") else {
            throw MailError("\(context): Message-ID '\(messageID)' must be printable ASCII with an @")
        }
        var head = ""
        head += "Message-ID: <\(messageID)>\r\n"
        head += "Date: \(MailMessage.rfc5322Date(date))\r\n"
        head += from.header("From") + "\r\n"
        head += to.header("To") + "\r\n"
        head += EncodedWords.unstructured("Subject", subject) + "\r\n"
        head += "MIME-Version: 1.0\r\n"
        let textPart = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + MailMessage.base64Lines(Array(MailMessage.crlf(text).utf8))
        guard let calendar else {
            return Array((head + textPart).utf8)
        }
        let boundary = "=_convene_" + MailMessage.hex(messageID)
        var body = "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
        body += "This is a message in MIME format.\r\n"
        body += "--\(boundary)\r\n" + textPart
        body += "--\(boundary)\r\n"
        body += "Content-Type: text/calendar; charset=UTF-8; method=\(calendar.method.rawValue)\r\n"
        body += "Content-Transfer-Encoding: base64\r\n\r\n"
        body += MailMessage.base64Lines(calendar.bytes)
        body += "--\(boundary)--\r\n"
        return Array((head + body).utf8)
    }

    /// `Mon, 22 Feb 2027 00:30:00 +0000`, with the instant's own offset.
    static func rfc5322Date(_ instant: Instant) -> String {
        let local = LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(instant.utcOffsetSeconds))
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let d = local.date
        let o = abs(instant.utcOffsetSeconds)
        let offset = (instant.utcOffsetSeconds < 0 ? "-" : "+") + two(o / 3600) + two(o % 3600 / 60)
        return "\(days[d.isoWeekday - 1]), \(d.day) \(months[d.month - 1]) \(d.year) "
            + "\(two(local.minuteOfDay / 60)):\(two(local.minuteOfDay % 60)):\(two(local.second)) \(offset)"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Bytes as a MIME body carries them: base64 in lines of 76 characters, each ending in CRLF.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        return Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            + "\r\n"
    }

    /// Text with every line ending made CRLF.
    static func crlf(_ text: String) -> String {
        var out = ""
        var lastWasCR = false
        for u in text.unicodeScalars {
            if u == "\n" && !lastWasCR { out += "\r" }
            out.unicodeScalars.append(u)
            lastWasCR = u == "\r"
        }
        return out
    }

    /// A short stable hex digest (FNV-1a) so the boundary never changes for the same message.
    static func hex(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
