import ConveneCore
public import ConveneICal
import Foundation

/// A reply file as the organizer received it: who sent it (for a message), what it says in
/// words, and the iTIP REPLY it carries, if any.
public struct ReplyMessage: Sendable {
    /// The file it was read from.
    public var file: String
    /// True for a `.eml` message, false for a bare `.ics` the organizer gives.
    public var isMessage: Bool
    /// The From address, lower-cased; nil for a bare `.ics`, which has no sender.
    public var sender: String?
    /// The Subject header, cleaned for printing.
    public var subject: String?
    /// The Date header, as written.
    public var sentAt: String?
    /// The first lines of its text/plain part, cleaned for printing.
    public var excerpt: String?
    /// The iTIP REPLY text; nil when the message has no text/calendar part (a reply in words).
    public var calendar: String?

    /// Reads a reply file: a `.eml` message, or any other file as iCalendar text (no sender).
    public static func read(_ file: String) throws -> ReplyMessage {
        let bytes = try ReplyFile.contents(of: file)
        if bytes.starts(with: Array("BEGIN:VCALENDAR".utf8)) || !file.lowercased().hasSuffix(".eml") {
            return ReplyMessage(file: file, isMessage: false, calendar: String(decoding: bytes, as: UTF8.self))
        }
        return message(bytes, source: file)
    }

    /// Reads a mail message (RFC 5322 bytes, as an IMAP server gives it); `source` names it in reports.
    public static func message(_ bytes: [UInt8], source: String) -> ReplyMessage {
        let file = source
        let parts = MIMEParts(bytes)
        let clean = { (s: String?) in s.map { PrintableText.printable($0) } }
        return ReplyMessage(
            file: file, isMessage: true, sender: parts.header("from").flatMap(Self.address), subject: clean(parts.header("subject").map(HeaderText.decode)),
            sentAt: clean(parts.header("date")), excerpt: parts.text.map(Self.excerpt), calendar: parts.calendar)
    }

    init(file: String, isMessage: Bool, sender: String? = nil, subject: String? = nil, sentAt: String? = nil, excerpt: String? = nil,
         calendar: String? = nil) {
        self.file = file
        self.isMessage = isMessage
        self.sender = sender
        self.subject = subject
        self.sentAt = sentAt
        self.excerpt = excerpt
        self.calendar = calendar
    }

    /// True when its calendar part is an iTIP COUNTER: the attendee proposes another time.
    public var isCounter: Bool { Self.isCounter(calendar) }

    /// True when an iCalendar text is an iTIP COUNTER.
    public static func isCounter(_ calendar: String?) -> Bool {
        guard let calendar else { return false }
        return calendar.split(whereSeparator: \.isNewline).contains {
            $0.trimmingCharacters(in: .whitespaces).uppercased() == "METHOD:COUNTER"
        }
    }

    /// The answers its iTIP REPLY gives; empty for a reply in words.
    public func replies() throws -> [ITIPReply] {
        guard let calendar else { return [] }
        return try ITIPReply.read(calendar, file: file)
    }

    /// The address in a From header: inside `<…>` when there is one, lower-cased.
    static func address(_ from: String) -> String? {
        var text = Substring(from)
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            text = text[text.index(after: open)..<close]
        }
        let address = text.trimmingCharacters(in: .whitespaces).lowercased()
        return address.contains("@") ? PrintableText.printable(address) : nil
    }

    /// The first five non-empty lines of a text, each cleaned for printing.
    static func excerpt(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { PrintableText.printable(String($0)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.prefix(5).joined(separator: "\n")
    }
}
