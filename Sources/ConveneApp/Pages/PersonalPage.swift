public import ConveneCore
import ConveneMail
public import ConveneStore

/// What a person's own page shows them: their sessions in the published schedule, in their
/// language and time zone, each with the answer on record for where it is published.
public struct PersonalPage: Sendable {
    /// One session the person takes part in.
    public struct Item: Sendable, Hashable {
        /// The session's id.
        public var session: String
        /// Its title in the person's language.
        public var title: String
        /// Whether they are required (a decline is a conflict) or optional.
        public var required: Bool
        /// Their part, in words.
        public var role: String
        /// The room's name.
        public var room: String
        /// When, in the person's own zone.
        public var homeTime: String
        /// When, in the event's zone; nil when the clocks read the same.
        public var eventTime: String?
        /// Where to join remotely (a private link is shown: the page is only theirs).
        public var online: String?
        /// The answer in force for the room and time it is published at; nil when none.
        public var answer: RSVPAnswer.Answer?
        /// What they wrote with that answer.
        public var comment: String?
    }

    /// The person the page belongs to.
    public var person: Stakeholder
    /// The event's name in their language.
    public var eventName: String
    /// The event's time zone.
    public var eventZone: String
    /// Their published sessions, by start; cancelled ones are left out.
    public var items: [Item]

    /// The page of `person` as the database stands; throws when there is no such person.
    public static func load(person id: String, from store: Store) throws -> PersonalPage {
        // Only what the page shows: the plan, the answers and the releases, not calendars or drafts.
        guard let event = try store.event() else { throw AppError.noEvent }
        guard let person = event.stakeholder(id) else { throw AppError("no stakeholder '\(id)' in \(event.id)") }
        let language = person.language
        let book = AnswerBook(try store.answers())
        let home = ZoneRules(identifier: person.timeZone)
        let venue = ZoneRules(identifier: event.timeZone)
        let entries = (try PublishedSchedule.load(from: store))?.publication.entries ?? []
        let items = entries.filter { !$0.isCancelled && ($0.session.required.contains(id) || $0.session.optional.contains(id)) }
            .sorted { ($0.interval.start.secondsSinceEpoch, $0.session.id) < ($1.interval.start.secondsSinceEpoch, $1.session.id) }
            .map { entry -> Item in
                let interval = entry.interval
                let required = entry.session.required.contains(id)
                let placement = Assignment(session: entry.session.id, room: entry.room, start: interval.start)
                let inForce = book.inForce(person: id, session: entry.session.id, at: placement)
                let homeTime = (home ?? venue).map { TimeText.span(interval, zone: $0, language: language) } ?? interval.start.iso8601
                var eventTime: String?
                if let venue, let home, venue.local(interval.start) != home.local(interval.start) {
                    eventTime = TimeText.span(interval, zone: venue, language: language)
                }
                return Item(session: entry.session.id, title: entry.session.title.text(in: language), required: required,
                            role: InvitationComposer.roleText(required: required, language: language),
                            room: event.room(entry.room)?.name.text(in: language) ?? entry.room, homeTime: homeTime,
                            eventTime: eventTime, online: InvitationComposer.online(of: entry.session, room: entry.room, in: event)?.url,
                            answer: inForce?.answer, comment: inForce?.comment)
            }
        return PersonalPage(person: person, eventName: event.name.text(in: language), eventZone: event.timeZone, items: items)
    }
}
