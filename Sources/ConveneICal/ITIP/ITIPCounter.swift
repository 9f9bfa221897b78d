import CLibical
public import ConveneCore

/// A time an attendee proposes in an iTIP COUNTER (RFC 5546 §3.2.7): kept for the organizer, never applied.
public struct ITIPCounter: Sendable, Hashable {
    public var uid: String
    public var sequence: Int
    /// The proposing attendee's address without `mailto:`, lower-cased, when the COUNTER names one.
    public var attendee: String?
    /// The proposed time; the end is the start when the COUNTER gives neither DTEND nor DURATION.
    public var proposed: Interval
    /// The COUNTER's COMMENT, when it has one.
    public var comment: String?

    /// Reads the proposals of an iTIP COUNTER; `file` names the source in errors. Outlook's Windows zone
    /// names and the COUNTER's own VTIMEZONEs are read as a calendar import reads them; a time with no
    /// zone is read in `floatingZone` (the event's).
    public static func read(_ text: String, file: String, floatingZone: String) throws -> [ITIPCounter] {
        try CalendarComponent.readITIP(text, kind: "COUNTER", file: file) {
            try proposals(in: $0, map: $1, file: file, floatingZone: floatingZone)
        }
    }

    private static func proposals(in root: OpaquePointer, map: SourceMap, file: String, floatingZone: String) throws -> [ITIPCounter] {
        guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT, icalcomponent_get_method(root) == ICAL_METHOD_COUNTER else {
            throw ICalError(file: file, line: map.line(of: "METHOD", inBlock: 0) ?? 1, message: "METHOD is not COUNTER")
        }
        let zones = try ZoneTable(floatingZone: floatingZone, calendarZone: nil)
        var tz = icalcomponent_get_first_component(root, ICAL_VTIMEZONE_COMPONENT)
        while let zone = tz {
            tz = icalcomponent_get_next_component(root, ICAL_VTIMEZONE_COMPONENT)
            _ = zones.add(vtimezone: zone)   // one it cannot use leaves its TZID to the built-in and Windows names
        }
        var out: [ITIPCounter] = []
        try CalendarComponent.eachITIPEvent(in: root, map: map, file: file) { event, block, uid in
            guard let startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) else {
                throw ICalError(file: file, line: map.line(of: "UID", inBlock: block), message: "COUNTER for \(uid) proposes no DTSTART")
            }
            let startTime = icalproperty_get_dtstart(startProperty)
            let start = zones.seconds(startTime, in: zones.zone(of: startTime, property: startProperty))
            var end = start
            if let endProperty = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) {
                let endTime = icalproperty_get_dtend(endProperty)
                end = zones.seconds(endTime, in: zones.zone(of: endTime, property: endProperty))
            } else if let duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY) {
                end = start + Int64(icaldurationtype_as_int(icalproperty_get_duration(duration)))
            }
            guard end >= start else {
                throw ICalError(file: file, line: map.line(of: "DTEND", inBlock: block), message: "COUNTER for \(uid) ends before it starts")
            }
            var attendee: String?
            if let prop = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY), let raw = LibicalText.borrowed(icalproperty_get_attendee(prop)) {
                attendee = (raw.lowercased().hasPrefix("mailto:") ? String(raw.dropFirst(7)) : raw).lowercased()
            }
            var comment: String?
            if let prop = icalcomponent_get_first_property(event, ICAL_COMMENT_PROPERTY),
               let text = LibicalText.borrowed(icalproperty_get_comment(prop)), !text.isEmpty {
                comment = CalendarReading.printable(text)
            }
            out.append(ITIPCounter(uid: uid, sequence: Int(icalcomponent_get_sequence(event)), attendee: attendee,
                                   proposed: Interval(start: Instant(secondsSinceEpoch: start), end: Instant(secondsSinceEpoch: end)),
                                   comment: comment))
        }
        if out.isEmpty { throw ICalError(file: file, line: 1, message: "COUNTER holds no VEVENT") }
        return out
    }
}
