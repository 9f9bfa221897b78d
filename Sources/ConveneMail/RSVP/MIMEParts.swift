import Foundation

/// Just enough MIME reading to find the calendar in a reply: nested multiparts, base64,
/// quoted-printable or plain parts, read line by line over the message's bytes.
///
/// Nothing is copied but the part that is kept: a message is one pass, whatever its size, and
/// header order does not matter (Apple iCal 3 puts Content-Disposition before Content-Type).
struct MIMEParts {
    /// The message's own headers (unfolded), in order.
    private(set) var headers: [String] = []
    /// The decoded text of the first text/calendar part, if any.
    private(set) var calendar: String?
    /// The decoded text of the first text/plain part, if any.
    private(set) var text: String?

    /// Reads a whole message.
    init(_ message: [UInt8]) {
        message.withUnsafeBufferPointer { read($0) }
    }

    /// The decoded text of the first text/calendar part of `message`, or nil.
    static func calendarPart(of message: String) -> String? {
        MIMEParts(Array(message.utf8)).calendar
    }

    /// A header of the message itself, unfolded, or nil.
    func header(_ name: String) -> String? { Self.header(name, in: headers) }

    private enum State {
        /// Reading the headers of a part (or of the message).
        case headers
        /// Reading a part's body: kept when `keep` names what it is, skipped otherwise.
        case body(keep: Kept?)
    }

    private enum Kept { case calendar, text }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var boundaries: [[UInt8]] = []
        var state = State.headers
        var partHeaders: [String] = []
        var top = true
        var keptBytes: [[UInt8]] = []
        var encoding = ""
        var i = 0
        let n = bytes.count

        func finish(_ what: Kept?) {
            guard let what else { return }
            let decoded = Self.decode(keptBytes, encoding: encoding)
            switch what {
            case .calendar: if calendar == nil { calendar = decoded }
            case .text: if text == nil { text = decoded }
            }
            keptBytes = []
        }

        while i < n, calendar == nil {
            var end = i
            while end < n, bytes[end] != 10 { end += 1 }
            let next = end + 1
            var lineEnd = end
            if lineEnd > i, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[i..<lineEnd])
            i = next
            switch state {
            case .headers:
                if line.isEmpty {
                    if top { headers = partHeaders; top = false }
                    let type = (Self.header("content-type", in: partHeaders) ?? "text/plain").lowercased()
                    encoding = Self.header("content-transfer-encoding", in: partHeaders)?.lowercased() ?? ""
                    if type.hasPrefix("multipart/"), let boundary = Self.parameter("boundary", of: Self.header("content-type", in: partHeaders) ?? "") {
                        boundaries.append(Array(("--" + boundary).utf8))
                        state = .body(keep: nil)
                    } else if type.hasPrefix("text/calendar") {
                        state = .body(keep: .calendar)
                    } else if type.hasPrefix("text/plain"), text == nil {
                        state = .body(keep: .text)
                    } else {
                        state = .body(keep: nil)
                    }
                    partHeaders = []
                } else if let first = line.first, first == 32 || first == 9, !partHeaders.isEmpty {
                    partHeaders[partHeaders.count - 1] += " " + String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                } else {
                    partHeaders.append(String(decoding: line, as: UTF8.self))
                }
            case .body(let keep):
                // A boundary line of any enclosing multipart ends the part.
                if line.starts(with: [45, 45]), let level = boundaries.lastIndex(where: { line.starts(with: $0) }) {
                    let rest = line.dropFirst(boundaries[level].count)
                    finish(keep)
                    boundaries.removeSubrange((level + 1)...)
                    if rest.starts(with: [45, 45]) {
                        boundaries.removeLast()
                        state = .body(keep: nil)
                    } else {
                        state = .headers
                    }
                } else if keep != nil {
                    keptBytes.append(Array(line))
                }
            }
        }
        if case .body(let keep) = state { finish(keep) }
    }

    /// A part's body from its lines: base64, quoted-printable (RFC 2045 §6.7, soft breaks and
    /// trailing blanks included) or as it is; hard line breaks become LF.
    private static func decode(_ lines: [[UInt8]], encoding: String) -> String {
        switch encoding {
        case "base64":
            let joined = lines.joined()
            return Data(base64Encoded: Data(joined), options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? ""
        case "quoted-printable":
            var out: [UInt8] = []
            for var line in lines {
                // Transport may add blanks at line ends; they are not part of the text.
                while let last = line.last, last == 32 || last == 9 { line.removeLast() }
                var soft = false
                if line.last == 61 {
                    soft = true
                    line.removeLast()
                }
                var i = 0
                while i < line.count {
                    if line[i] == 61, i + 2 < line.count, let v = hex(line[i + 1], line[i + 2]) {
                        out.append(v)
                        i += 3
                    } else {
                        out.append(line[i])
                        i += 1
                    }
                }
                if !soft { out.append(10) }
            }
            return String(decoding: out, as: UTF8.self)
        default:
            return String(decoding: Array(lines.joined(separator: [10])), as: UTF8.self) + "\n"
        }
    }

    private static func hex(_ a: UInt8, _ b: UInt8) -> UInt8? {
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        guard let high = value(a), let low = value(b) else { return nil }
        return high << 4 | low
    }

    static func header(_ name: String, in headers: [String]) -> String? {
        for h in headers {
            guard let colon = h.firstIndex(of: ":") else { continue }
            if h[..<colon].lowercased().trimmingCharacters(in: .whitespaces) == name {
                return h[h.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == name { return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}
