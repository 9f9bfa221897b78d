/// The published schedule as a printed programme shows it: per day, each session with its time,
/// room, speakers and their affiliations, track, accessibility, description and public online link.
///
/// Built from a `Publication`, so it shows exactly what the feeds show. Nobody who is not public
/// is named: such a speaker appears as "a patient organization representative" or the like.
public struct Programme: Sendable, Hashable {
    /// A speaker as the public may see them.
    public struct Speaker: Sendable, Hashable {
        /// The person's id; nil for someone not public.
        public var id: String?
        /// The name, or a description such as "A patient organization representative".
        public var name: String
        /// Organization and role, when public.
        public var affiliation: String?
        public var group: StakeholderGroup
        /// True for someone who joins remotely, not in the room.
        public var joinsOnline: Bool = false
    }

    /// A named break of the plan (lunch), as the grid and the list show it.
    public struct Break: Sendable, Hashable {
        /// Its name in the chosen language(s), e.g. `昼食 / Lunch`; a word for "break" when the plan gives none.
        public var name: String
        public var start: Instant
        public var end: Instant
        /// Wall-clock times in the event's zone.
        public var localStart: LocalDateTime
        public var localEnd: LocalDateTime
    }

    /// One session in the programme.
    public struct Item: Sendable, Hashable {
        /// The session's id.
        public var session: String
        /// Stable for the life of the session, the same as the feeds' UID.
        public var uid: String
        /// The title in the chosen language(s).
        public var title: String
        /// The title of the series it belongs to, in the chosen language(s); nil when it is in none.
        public var series: String?
        public var kind: SessionKind
        /// When it starts and ends, written with the event zone's offset.
        public var start: Instant
        public var end: Instant
        /// Wall-clock times in the event's zone.
        public var localStart: LocalDateTime
        public var localEnd: LocalDateTime
        public var room: Room
        /// The room's name in the chosen language(s).
        public var roomName: String
        public var track: Track?
        /// The track's name in the chosen language(s).
        public var trackName: String?
        /// Its required participants, as the public may see them.
        public var speakers: [Speaker]
        /// Names of the accessibility features it has, e.g. "Wheelchair accessible".
        public var accessibility: [String]
        /// Its description in the chosen language(s).
        public var description: String?
        /// Where to join remotely, when the link is public.
        public var online: String?
        /// Taken off the schedule since it was published: shown struck through.
        public var isCancelled: Bool
        /// The schedule's SEQUENCE for the session, for exports that version events.
        public var sequence: Int
        /// What the schedule the session was imported from said of it, for exports to give back.
        public var origin: Session.Origin?
    }

    /// One day, in the event's zone.
    public struct Day: Sendable, Hashable {
        public var date: LocalDate
        /// When the event opens and closes that day, if it is one of the plan's days.
        public var hours: Interval?
        public var items: [Item]
        /// The rooms used that day, in the plan's order.
        public var rooms: [Room]
        /// The plan's breaks that start that day, by start.
        public var breaks: [Break] = []
    }

    /// The plan the programme shows.
    public var event: Event
    /// The language(s) it is written in.
    public var wording: LanguageChoice
    /// The event's name.
    public var title: String
    /// The venue's name and address, as lines.
    public var venue: [String]
    /// A link to a map of the venue.
    public var mapLink: String?
    /// Every day of the event and every day a session falls on, in order.
    public var days: [Day]
    /// The zone every local time is in.
    public var zone: ZoneRules

    /// Lays out a publication in one language, or both when `language` is nil.
    public init(_ publication: Publication, language: Language? = nil) {
        let event = publication.event
        let say = LanguageChoice(language)
        let zone = ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        self.event = event
        wording = say
        self.zone = zone
        title = say(event.name)
        venue = [event.venue.map { say($0.name) }, event.venue?.address.map { say($0) }].compactMap { $0 }
        mapLink = event.venue?.map
        let roomOrder = Dictionary(event.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byDate: [LocalDate: [Item]] = [:]
        for entry in publication.entries {
            let item = Self.item(entry, event: event, say: say, zone: zone)
            byDate[item.localStart.date, default: []].append(item)
        }
        var hours: [LocalDate: Interval] = [:]
        for d in event.days { hours[zone.local(d.opens).date] = d.hours }
        var breaks: [LocalDate: [Break]] = [:]
        for b in (event.breaks ?? []).sorted(by: { $0.interval.start < $1.interval.start }) {
            let name = b.name.map { say($0) } ?? say(ja: "休憩", en: "Break")
            let item = Break(name: name, start: zone.localized(b.interval.start), end: zone.localized(b.interval.end),
                             localStart: zone.local(b.interval.start), localEnd: zone.local(b.interval.end))
            breaks[item.localStart.date, default: []].append(item)
        }
        days = Set(byDate.keys).union(hours.keys).sorted().map { date in
            let items = (byDate[date] ?? []).sorted {
                ($0.start, roomOrder[$0.room.id] ?? Int.max, $0.session) < ($1.start, roomOrder[$1.room.id] ?? Int.max, $1.session)
            }
            var rooms: [Room] = []
            for item in items where !rooms.contains(where: { $0.id == item.room.id }) { rooms.append(item.room) }
            rooms.sort { (roomOrder[$0.id] ?? Int.max, $0.id) < (roomOrder[$1.id] ?? Int.max, $1.id) }
            return Day(date: date, hours: hours[date], items: items, rooms: rooms, breaks: breaks[date] ?? [])
        }
    }

    /// Every item of every day.
    public var items: [Item] { days.flatMap(\.items) }

    /// The speakers of a session as the public may see them: its required participants.
    public static func speakers(of session: Session, in event: Event, wording say: LanguageChoice) -> [Speaker] {
        session.required.compactMap { event.stakeholder($0) }.map { p in
            guard p.isPublic else {
                return Speaker(id: nil, name: say(p.group.unnamedMember), affiliation: nil, group: p.group, joinsOnline: p.remote == true)
            }
            let affiliation = [p.organization, p.role].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return Speaker(id: p.id, name: p.name, affiliation: affiliation.isEmpty ? nil : affiliation, group: p.group,
                           joinsOnline: p.remote == true)
        }
    }

    /// The accessibility features a session has: those its room has for every session, and the
    /// services it asks for.
    public static func accessibility(of session: Session, in room: Room, event: Event) -> [Feature] {
        var ids = room.features.filter { !event.feature($0).perSession }
        for f in session.features where !ids.contains(f) { ids.append(f) }
        let features = ids.map { event.feature($0) }.filter(\.accessibility)
        let order = Dictionary((Feature.builtIn + event.features).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return features.sorted { (order[$0.id] ?? Int.max) < (order[$1.id] ?? Int.max) }
    }

    /// The link to join a session remotely that anyone may see, if there is one.
    public static func publicOnline(of session: Session, in room: Room?) -> String? {
        guard let link = session.online ?? room?.online, !link.isPrivate else { return nil }
        return link.url
    }

    private static func item(_ entry: Publication.Entry, event: Event, say: LanguageChoice, zone: ZoneRules) -> Item {
        let s = entry.session
        let room = event.room(entry.room) ?? Room(id: entry.room, name: LocalizedText(en: entry.room), capacity: 0)
        let track = s.track.map { event.track($0) }
        let interval = entry.interval
        let series = event.series?.first { $0.sessions.contains(s.id) }?.title.map { say($0) }
        return Item(
            session: s.id, uid: entry.uid, title: say(s.title), series: series, kind: s.kind, start: zone.localized(interval.start),
            end: zone.localized(interval.end), localStart: zone.local(interval.start), localEnd: zone.local(interval.end),
            room: room, roomName: say(room.name), track: track, trackName: track.map { say($0.name) },
            speakers: speakers(of: s, in: event, wording: say),
            accessibility: accessibility(of: s, in: room, event: event).map { say($0.name) },
            description: s.description.map { say($0) }.flatMap { $0.isEmpty ? nil : $0 },
            online: publicOnline(of: s, in: room), isCancelled: entry.isCancelled, sequence: entry.sequence,
            origin: s.origin)
    }
}
