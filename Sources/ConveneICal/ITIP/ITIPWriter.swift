import CLibical
import ConveneCore

/// Writes iTIP REQUEST and CANCEL objects (RFC 5546) through libical, checked by `icalrestriction_check`.
public enum ITIPWriter {
    /// The product id every Convene calendar carries.
    public static let productID = "-//Convene//Convene 0.1//EN"

    /// The VCALENDAR for one attendee, as libical writes it (CRLF lines folded at 75 octets).
    public static func write(_ e: ITIPEvent) throws -> [UInt8] {
        let context = "invitation \(e.uid) for \(e.attendee.email)"
        for (field, value) in [("UID", e.uid), ("SUMMARY", e.summary), ("LOCATION", e.location),
                               ("ORGANIZER", e.organizer.email), ("ORGANIZER name", e.organizer.name),
                               ("ATTENDEE", e.attendee.email), ("ATTENDEE name", e.attendee.name), ("CONFERENCE", e.online ?? "")] {
            // libical writes addresses and URLs verbatim: a CR or LF would start a new property. The plan
            // checks refuse the same characters (one definition), so what passes `check` can be published.
            if let bad = PrintableText.firstUnsafe(in: value) {
                throw ICalError(message: "\(context): \(field) contains the control character U+\(String(bad.value, radix: 16, uppercase: true))")
            }
        }
        return try Libical.serialized { try build(e, context: context) }
    }

    private static func build(_ e: ITIPEvent, context: String) throws -> [UInt8] {
        let calendar = CalendarComponent(adopting: icalcomponent_new(ICAL_VCALENDAR_COMPONENT))
        return try calendar.withUnsafeComponent { root in
            icalcomponent_add_property(root, icalproperty_new_prodid(productID))
            icalcomponent_add_property(root, icalproperty_new_version("2.0"))
            icalcomponent_add_property(root, icalproperty_new_calscale("GREGORIAN"))
            icalcomponent_add_property(root, icalproperty_new_method(e.method == .request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL))

            let event = icalcomponent_new(ICAL_VEVENT_COMPONENT)!
            icalcomponent_add_component(root, event)
            icalcomponent_add_property(event, icalproperty_new_uid(e.uid))
            icalcomponent_add_property(event, icalproperty_new_sequence(Int32(e.sequence)))
            icalcomponent_add_property(event, icalproperty_new_dtstamp(utc(e.stamp)))
            icalcomponent_add_property(event, icalproperty_new_dtstart(utc(e.start)))
            icalcomponent_add_property(event, icalproperty_new_dtend(utc(e.end)))
            icalcomponent_add_property(event, icalproperty_new_summary(e.summary))
            icalcomponent_add_property(event, icalproperty_new_location(e.location))
            if let d = e.description, !d.isEmpty { icalcomponent_add_property(event, icalproperty_new_description(d)) }
            icalcomponent_add_property(event, icalproperty_new_status(e.method == .request ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_CANCELLED))
            icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE))
            if let url = e.online { try OnlineProperties.add(url, label: e.onlineLabel, to: event) }

            let organizer = icalproperty_new_organizer("mailto:" + e.organizer.email)!
            icalproperty_add_parameter(organizer, icalparameter_new_cn(FeedText.parameter(e.organizer.name)))
            icalcomponent_add_property(event, organizer)

            let attendee = icalproperty_new_attendee("mailto:" + e.attendee.email)!
            icalproperty_add_parameter(attendee, icalparameter_new_cn(FeedText.parameter(e.attendee.name)))
            icalproperty_add_parameter(attendee, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL))
            icalproperty_add_parameter(attendee, icalparameter_new_role(e.required ? ICAL_ROLE_REQPARTICIPANT : ICAL_ROLE_OPTPARTICIPANT))
            if e.method == .request {
                icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION))
                icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE))
            }
            icalcomponent_add_property(event, attendee)

            if icalrestriction_check(root) == 0 {
                let problems = calendar.errors()
                throw ICalError(message: "\(context): iTIP \(e.method.rawValue) breaks RFC 5546: "
                    + (problems.isEmpty ? "icalrestriction_check failed" : problems.joined(separator: "; ")))
            }
            return Array(calendar.serialized().utf8)
        }
    }

    static func utc(_ instant: Instant) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(instant.secondsSinceEpoch), 0, icaltimezone_get_utc_timezone())
    }
}
