public import ConveneICal
import Foundation

/// A reply someone sent back: an iTIP REPLY as a `.ics` file, or a `.eml` message with a text/calendar part.
public enum ReplyFile {
    /// Every answer in the file; errors name the file (and the line, for iCalendar problems).
    public static func read(_ file: String) throws -> [ITIPReply] {
        try ITIPReply.read(try calendarText(file: file), file: file)
    }

    /// The bytes of a reply file, refused before reading when it is over `CalendarLimits.maximumBytes`
    /// (a sparse 1 GiB file is refused at once, not read into memory).
    static func contents(of file: String) throws -> [UInt8] {
        let limit = CalendarLimits.maximumBytes
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > limit {
            throw MailError("\(file): the file is \(size) bytes; at most \(limit) are read")
        }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw MailError("\(file): cannot read the file") }
        defer { try? handle.close() }
        // A pipe or a file that grows has no size to check first: read one byte past the limit at most.
        guard let data = try? handle.read(upToCount: limit + 1) else { return [] }
        guard data.count <= limit else { throw MailError("\(file): the file is over \(limit) bytes; at most \(limit) are read") }
        return Array(data)
    }

    /// The iCalendar text of a file: the whole `.ics`, or the text/calendar part of a message.
    static func calendarText(file: String) throws -> String {
        let bytes = try contents(of: file)
        if bytes.starts(with: Array("BEGIN:VCALENDAR".utf8)) || !file.lowercased().hasSuffix(".eml") {
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let part = MIMEParts(bytes).calendar else {
            throw MailError("\(file): the message has no text/calendar part")
        }
        return part
    }

    /// The iCalendar text of a reply given as text: itself, or the text/calendar part of a message.
    package static func calendarText(_ text: String, file: String) throws -> String {
        if text.hasPrefix("BEGIN:VCALENDAR") || !file.lowercased().hasSuffix(".eml") { return text }
        guard let part = MIMEParts.calendarPart(of: text) else {
            throw MailError("\(file): the message has no text/calendar part")
        }
        return part
    }
}
