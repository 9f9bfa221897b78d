public import ConveneICal
import Foundation

/// A reply someone sent back: an iTIP REPLY as a `.ics` file, or a `.eml` message with a text/calendar part.
public enum ReplyFile {
    /// Every answer in the file; errors name the file (and the line, for iCalendar problems).
    public static func read(_ file: String) throws -> [ITIPReply] {
        try ITIPReply.read(try calendarText(file: file), file: file)
    }

    /// The iCalendar text of a file: the whole `.ics`, or the text/calendar part of a message.
    static func calendarText(file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw MailError("\(file): cannot read the file")
        }
        return try calendarText(String(decoding: data, as: UTF8.self), file: file)
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
