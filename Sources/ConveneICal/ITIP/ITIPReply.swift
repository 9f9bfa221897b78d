import CLibical
public import ConveneCore

/// One attendee's answer in an iTIP REPLY (RFC 5546 §3.2.3).
public struct ITIPReply: Sendable, Hashable {
    public var uid: String
    public var sequence: Int
    /// The attendee's address without `mailto:`, lower-cased.
    public var attendee: String
    public var answer: RSVPAnswer.Answer
    /// DTSTAMP of the reply, when it has one.
    public var stamp: Instant?
    /// The reply's COMMENT (RFC 5546 lets an attendee say why), when it has one.
    public var comment: String?

    public init(uid: String, sequence: Int, attendee: String, answer: RSVPAnswer.Answer, stamp: Instant? = nil,
                comment: String? = nil) {
        self.uid = uid
        self.sequence = sequence
        self.attendee = attendee
        self.answer = answer
        self.stamp = stamp
        self.comment = comment
    }

    /// Reads every answer in an iTIP REPLY; `file` names the source in errors.
    public static func read(_ text: String, file: String) throws -> [ITIPReply] {
        try CalendarComponent.readITIP(text, kind: "reply", file: file) { try answers(in: $0, map: $1, file: file) }
    }

    private static func answers(in root: OpaquePointer, map: SourceMap, file: String) throws -> [ITIPReply] {
        guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT else {
            throw ICalError(file: file, line: 1, message: "not an iCalendar object (no BEGIN:VCALENDAR)")
        }
        guard icalcomponent_get_method(root) == ICAL_METHOD_REPLY else {
            throw ICalError(file: file, line: map.line(of: "METHOD", inBlock: 0) ?? 1,
                            message: "METHOD is not REPLY; only replies to invitations can be imported")
        }
        var out: [ITIPReply] = []
        try CalendarComponent.eachITIPEvent(in: root, map: map, file: file) { event, block, uidText in
            let sequence = Int(icalcomponent_get_sequence(event))
            let stampTime = icalcomponent_get_dtstamp(event)
            let stamp = icaltime_is_null_time(stampTime) != 0 ? nil
                : Instant(secondsSinceEpoch: Int64(icaltime_as_timet_with_zone(stampTime, icaltimezone_get_utc_timezone())))
            var comments: [String] = []
            var c = icalcomponent_get_first_property(event, ICAL_COMMENT_PROPERTY)
            while let prop = c {
                // Shown on the organizer's terminal: cleaned as event titles are.
                if let text = LibicalText.borrowed(icalproperty_get_comment(prop)), !text.isEmpty {
                    comments.append(CalendarReading.printable(text))
                }
                c = icalcomponent_get_next_property(event, ICAL_COMMENT_PROPERTY)
            }
            let comment = comments.isEmpty ? nil : comments.joined(separator: "\n")
            var found = false
            let attendeeLines = map.properties("ATTENDEE", inBlock: block).map(\.line)
            var attendee = 0
            var p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY)
            while let prop = p {
                p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)
                let where_ = attendeeLines[safe: attendee] ?? map.blocks[safe: block]?.line
                attendee += 1
                guard let raw = icalproperty_get_attendee(prop).map({ String(cString: $0) }) else { continue }
                let address = raw.lowercased().hasPrefix("mailto:") ? String(raw.dropFirst(7)) : raw
                guard let param = icalproperty_get_first_parameter(prop, ICAL_PARTSTAT_PARAMETER) else {
                    throw ICalError(file: file, line: where_, message: "ATTENDEE \(address) has no PARTSTAT")
                }
                let answer: RSVPAnswer.Answer
                switch icalparameter_get_partstat(param) {
                case ICAL_PARTSTAT_ACCEPTED: answer = .accepted
                case ICAL_PARTSTAT_DECLINED: answer = .declined
                case ICAL_PARTSTAT_TENTATIVE: answer = .tentative
                default:
                    throw ICalError(file: file, line: where_,
                                    message: "ATTENDEE \(address): PARTSTAT must be ACCEPTED, DECLINED or TENTATIVE")
                }
                out.append(ITIPReply(uid: uidText, sequence: sequence, attendee: address.lowercased(), answer: answer, stamp: stamp,
                                     comment: comment))
                found = true
            }
            if !found {
                throw ICalError(file: file, line: map.line(of: "UID", inBlock: block) ?? map.blocks[safe: block]?.line,
                                message: "reply for \(uidText) names no ATTENDEE")
            }
        }
        if out.isEmpty { throw ICalError(file: file, line: 1, message: "REPLY holds no VEVENT") }
        return out
    }
}
