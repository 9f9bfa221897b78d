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
        try render(feed, of: [publication])
    }

    /// One feed over several events' publications, their entries one event after another: a person's
    /// own feed across every event they take part in. The zone is the first event's (or the person's).
    public static func render(_ feed: Feed, of publications: [Publication]) throws -> String {
        guard let publication = publications.first else { throw ICalError(message: "a feed needs at least one event") }
        // A person's own feed is in their own zone, as their invitations are: someone joining from
        // New York sees 19:00 there, not 09:00 in Tokyo, even in clients that show floating zones.
        var zone = publication.event.timeZone
        if case .person(let id) = feed.kind,
           let person = publications.lazy.compactMap({ $0.event.stakeholder(id) }).first { zone = person.timeZone }
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
                for publication in publications {
                    for entry in FeedSelection.entries(of: feed.kind, in: publication) {
                        icalcomponent_add_component(c, try vevent(entry, feed: feed, publication: publication, clock: clock))
                    }
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
        let e = try LibicalText.checked("creating an event") { icalcomponent_new(ICAL_VEVENT_COMPONENT) }
        // The event has no parent until it is returned: free it if filling it in fails.
        do {
            try fill(e, entry, feed: feed, publication: publication, clock: clock)
            return e
        } catch {
            icalcomponent_free(e)
            throw error
        }
    }

    private static func fill(_ e: OpaquePointer, _ entry: Publication.Entry, feed: Feed, publication: Publication, clock: FeedClock) throws {
        let event = publication.event
        icalcomponent_add_property(e, icalproperty_new_uid(entry.uid))
        icalcomponent_add_property(e, icalproperty_new_dtstamp(clock.utc(entry.lastModified)))
        icalcomponent_add_property(e, icalproperty_new_lastmodified(clock.utc(entry.lastModified)))
        icalcomponent_add_property(e, icalproperty_new_sequence(Int32(entry.sequence)))
        for time in clock.properties(entry.interval) { icalcomponent_add_property(e, time) }
        let say = LanguageChoice(feed.language)
        // Clients that ignore STATUS (calcurse) still show that it is off.
        let mark = entry.isCancelled ? say.cancelledMark + " " : ""
        icalcomponent_add_property(e, icalproperty_new_summary(FeedText.text(mark + say(entry.session.title))))
        let room = event.room(entry.room)
        icalcomponent_add_property(e, icalproperty_new_location(FeedText.text(room.map { say($0.name) } ?? entry.room)))
        icalcomponent_add_property(e, icalproperty_new_description(FeedText.text(description(of: entry, event: event, say: say))))
        icalcomponent_add_property(e, icalproperty_new_status(entry.isCancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
        // A private link only in the feed of someone who takes part; a public one everywhere.
        if let link = entry.session.online ?? room?.online, !entry.isCancelled, !link.isPrivate || feed.kindName == "person" {
            try OnlineProperties.add(link.url, label: say(ja: "オンライン参加", en: "Join online"), to: e)
        }
        if case .person(let id) = feed.kind, let person = event.stakeholder(id), !person.email.isEmpty {
            let address = try FeedText.address(person.email, field: "email of stakeholder '\(id)'")
            let attendee = icalproperty_new_attendee("mailto:" + address)
            icalproperty_add_parameter(attendee, icalparameter_new_cn(FeedText.parameter(person.name)))
            let required = entry.session.required.contains(id)
            icalproperty_add_parameter(attendee, icalparameter_new_role(required ? ICAL_ROLE_REQPARTICIPANT : ICAL_ROLE_OPTPARTICIPANT))
            icalcomponent_add_property(e, attendee)
        }
    }

    /// What the session is, in words that name no participant.
    static func description(of entry: Publication.Entry, event: Event, say: LanguageChoice) -> String {
        var lines: [String] = []
        if entry.isCancelled { lines.append(say.cancelled) }
        if let text = entry.session.description.map({ say($0) }), !text.isEmpty { lines.append(text) }
        var facts = ["Kind: \(entry.session.kind.rawValue)"]
        if let track = entry.session.track { facts.append("Track: \(say(event.track(track).name))") }
        lines.append(facts.joined(separator: " · "))
        return lines.joined(separator: "\n\n")
    }
}
