import CLibical
public import ConveneCore
import Foundation

/// Renders a subscription feed of a publication as iCalendar text, through libical.
///
/// The same publication always gives the same bytes: DTSTAMP and LAST-MODIFIED are each
/// session's last change, never "now", and sessions keep the publication's order.
public enum FeedWriter {
    /// How often subscribers should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    public static let refreshInterval = "PT1H"
    /// The PRODID every feed carries.
    public static let productID = "-//Convene//Convene feeds 0.1//EN"

    /// The feed's iCalendar text: CRLF lines folded at 75 octets, no METHOD.
    public static func render(_ feed: Feed, of publication: Publication) throws -> String {
        let entries = FeedSelection.entries(of: feed.kind, in: publication)
        let zone = publication.event.timeZone
        return try Libical.serialized {
            let pointer = try LibicalText.checked("creating a calendar") { icalcomponent_new(ICAL_VCALENDAR_COMPONENT) }
            let calendar = CalendarComponent(adopting: pointer)
            try calendar.withUnsafeComponent { c in
                icalcomponent_add_property(c, icalproperty_new_prodid(productID))
                icalcomponent_add_property(c, icalproperty_new_version("2.0"))
                icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"))
                let title = FeedText.text(feed.title)
                icalcomponent_add_property(c, icalproperty_new_name(title))
                icalcomponent_add_property(c, convene_icalproperty_new_x("X-WR-CALNAME", calendarNamePlaceholder))
                let refresh = icalproperty_new_refreshinterval(icaldurationtype_from_string(refreshInterval))
                icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
                icalcomponent_add_property(c, refresh)
                icalcomponent_add_property(c, convene_icalproperty_new_x("X-PUBLISHED-TTL", refreshInterval))
                let clock = try FeedClock(zone: zone)
                if let vtimezone = clock.vtimezone() { icalcomponent_add_component(c, vtimezone) }
                for entry in entries {
                    icalcomponent_add_component(c, try vevent(entry, feed: feed, publication: publication, clock: clock))
                }
            }
            // libical leaves `;` and `,` unescaped in X-properties: put the properly escaped line in
            // place of the placeholder it wrote (in the calendar's header, before any component).
            let line = FeedText.contentLine(name: "X-WR-CALNAME", value: FeedText.xText(feed.title))
            return calendar.serialized(replacingFirst: "X-WR-CALNAME:\(calendarNamePlaceholder)\r\n", with: line)
        }
    }

    private static let calendarNamePlaceholder = "CONVENE-CALENDAR-NAME"

    private static func vevent(_ entry: Publication.Entry, feed: Feed, publication: Publication, clock: FeedClock) throws -> OpaquePointer {
        let event = publication.event
        // Checked before anything is built: a throw after `icalcomponent_new` would leak the event.
        var attendeeAddress: (id: String, person: Stakeholder, address: String)?
        if case .person(let id) = feed.kind, let person = event.stakeholder(id), !person.email.isEmpty {
            attendeeAddress = (id, person, try FeedText.address(person.email, field: "email of stakeholder '\(id)'"))
        }
        let e = try LibicalText.checked("creating an event") { icalcomponent_new(ICAL_VEVENT_COMPONENT) }
        icalcomponent_add_property(e, icalproperty_new_uid(entry.uid))
        icalcomponent_add_property(e, icalproperty_new_dtstamp(clock.utc(entry.lastModified)))
        icalcomponent_add_property(e, icalproperty_new_lastmodified(clock.utc(entry.lastModified)))
        icalcomponent_add_property(e, icalproperty_new_sequence(Int32(entry.sequence)))
        icalcomponent_add_property(e, clock.property(ICAL_DTSTART_PROPERTY, entry.interval.start))
        icalcomponent_add_property(e, clock.property(ICAL_DTEND_PROPERTY, entry.interval.end))
        icalcomponent_add_property(e, icalproperty_new_summary(FeedText.text(entry.session.title.bilingual)))
        let room = event.room(entry.room)?.name.bilingual ?? entry.room
        icalcomponent_add_property(e, icalproperty_new_location(FeedText.text(room)))
        icalcomponent_add_property(e, icalproperty_new_description(FeedText.text(description(of: entry))))
        icalcomponent_add_property(e, icalproperty_new_status(entry.isCancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
        if let (id, person, address) = attendeeAddress {
            let attendee = icalproperty_new_attendee("mailto:" + address)
            icalproperty_add_parameter(attendee, icalparameter_new_cn(FeedText.parameter(person.name)))
            let required = entry.session.required.contains(id)
            icalproperty_add_parameter(attendee, icalparameter_new_role(required ? ICAL_ROLE_REQPARTICIPANT : ICAL_ROLE_OPTPARTICIPANT))
            icalcomponent_add_property(e, attendee)
        }
        return e
    }

    /// What the session is, in words that name no participant.
    static func description(of entry: Publication.Entry) -> String {
        var lines: [String] = []
        if entry.isCancelled { lines.append("Cancelled / 中止") }
        if let text = entry.session.description?.bilingual, !text.isEmpty { lines.append(text) }
        var facts = ["Kind: \(entry.session.kind.rawValue)"]
        if let track = entry.session.track { facts.append("Track: \(track)") }
        lines.append(facts.joined(separator: " · "))
        return lines.joined(separator: "\n\n")
    }
}
