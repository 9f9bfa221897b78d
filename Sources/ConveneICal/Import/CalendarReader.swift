import CLibical
public import ConveneCore
import Foundation

/// Reads a person's calendar (.ics) into the busy periods Convene schedules around.
///
/// Every byte goes through libical. A broken component is skipped and reported with its file and
/// line; the rest of the calendar still counts. Floating times are read in the calendar's
/// X-WR-TIMEZONE when it names a known zone, else in `floatingZone` (the person's home zone);
/// all-day dates are whole days in `floatingZone`.
public enum CalendarReader {
    /// Reads a calendar file; throws when the file cannot be read or holds no calendar at all.
    public static func read(path: String, window: Interval, floatingZone: String) throws -> CalendarImport {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > CalendarLimits.maximumBytes {
            throw ICalError(file: path, message: "the calendar is \(size) bytes; at most \(CalendarLimits.maximumBytes) are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ICalError(file: path, message: "cannot read the calendar file")
        }
        let text = String(decoding: data, as: UTF8.self)
        return try read(text: text, source: path, window: window, floatingZone: floatingZone)
    }

    /// Reads calendar text; `source` names it in errors and in each period's `source`.
    public static func read(text: String, source: String, window: Interval, floatingZone: String) throws -> CalendarImport {
        guard text.utf8.count <= CalendarLimits.maximumBytes else {
            throw ICalError(file: source, message: "the calendar is \(text.utf8.count) bytes; at most \(CalendarLimits.maximumBytes) are read")
        }
        guard text.range(of: "BEGIN:VCALENDAR", options: .caseInsensitive) != nil else {
            throw ICalError(file: source, line: 1, message: "not an iCalendar file: there is no BEGIN:VCALENDAR")
        }
        let map = SourceMap(text: text)
        try map.check(file: source)
        return try Libical.serialized {
            guard let root = CalendarComponent(parsing: map.textForLibical ?? text) else {
                throw ICalError(file: source, line: 1, message: "libical cannot parse this calendar")
            }
            var reading = CalendarReading(
                source: source, map: map,
                window: (window.start.secondsSinceEpoch, window.end.secondsSinceEpoch))
            try root.withUnsafeComponent { try reading.read(root: $0, floatingZone: floatingZone) }
            return reading.result()
        }
    }
}
