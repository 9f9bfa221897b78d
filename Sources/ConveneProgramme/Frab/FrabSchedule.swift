public import ConveneCore

/// A published schedule in the shape of frab's `schedule.xml` / `schedule.json`, which pretalx,
/// FOSDEM, c3voc's tools and the schedule apps (Giggity, ConfClerk, EventFahrplan) read.
///
/// Only scheduled sessions appear (a cancelled one is simply gone, as in pretalx), and only
/// speakers who are public are named: the others are left out of `persons`.
public struct FrabSchedule: Sendable {
    struct Person {
        var id: Int, guid: String, name: String
    }

    struct Event {
        var item: Programme.Item
        var id: Int, guid: String, slug: String, url: String?
        var persons: [Person]
        var links: [(url: String, title: String)]
    }

    struct Day {
        var index: Int
        var date: LocalDate
        var start: Instant, end: Instant
        /// Rooms in the plan's order, each with its events in time order.
        var rooms: [(room: Room, name: String, events: [Event])]
    }

    struct TrackInfo {
        var name: String, slug: String, color: String?
    }

    let programme: Programme
    let acronym: String
    let version: String
    let baseURL: String?
    let days: [Day]
    let tracks: [TrackInfo]
    /// Every room of the plan with its display name and guid.
    let rooms: [(room: Room, name: String, guid: String)]

    /// The product that writes the files, as `generator` names it.
    public static let generator = (name: "Convene", version: "0.1.0")

    /// Lays out a publication; `baseURL` (the server's public address) makes each event's `url`
    /// point at its entry in the served programme.
    public init(_ publication: Publication, language: Language? = nil, baseURL: String? = nil) {
        let programme = Programme(publication, language: language)
        let event = publication.event
        let say = programme.wording
        self.programme = programme
        self.baseURL = baseURL
        var acronym = FrabIDs.slug(event.id, allowUnderscore: true).replacingAll("-", with: "_")
        while acronym.count < 4 { acronym += "_" }
        self.acronym = acronym
        version = publication.lastModified?.iso8601 ?? "0"
        // An imported session keeps its schedule's id and guid, so apps keep their favourites.
        let kept = Set(programme.items.compactMap(\.origin?.id))
        let sessionNumbers = FrabIDs.numbers(programme.items.filter { $0.origin?.id == nil }.map(\.session), taken: kept)
        let personNumbers = FrabIDs.numbers(event.stakeholders.map(\.id))
        rooms = event.rooms.map { ($0, say($0.name), FrabIDs.uuid("urn:convene:\(event.id):room:\($0.id)")) }
        let trackIDs = event.tracks.map(\.id) + programme.items.compactMap(\.track?.id)
        var seen = Set<String>()
        tracks = trackIDs.filter { seen.insert($0).inserted }.map { id in
            let t = event.track(id)
            return TrackInfo(name: say(t.name), slug: Self.trackSlug(id), color: t.color)
        }
        var days: [Day] = []
        for day in programme.days {
            let items = day.items.filter { !$0.isCancelled }
            guard !items.isEmpty || day.hours != nil else { continue }
            let start = day.hours?.start ?? items.map(\.start).min()!, end = day.hours?.end ?? items.map(\.end).max()!
            let rooms = day.rooms.map { room in
                let events = items.filter { $0.room.id == room.id }.map { item -> Event in
                    let number = item.origin?.id ?? sessionNumbers[item.session] ?? 1
                    let persons = item.speakers.compactMap { s in
                        s.id.map { Person(id: personNumbers[$0] ?? 1, guid: FrabIDs.uuid("urn:convene:\(event.id):person:\($0)"), name: s.name) }
                    }
                    var sessionSlug = FrabIDs.slug(item.session)
                    if sessionSlug.count < 4 { sessionSlug = "session-" + sessionSlug }
                    return Event(
                        item: item, id: number, guid: item.origin?.guid ?? FrabIDs.uuid(item.uid), slug: "\(acronym)-\(number)-\(sessionSlug)",
                        url: baseURL.map { "\($0)/#\(item.session)" }, persons: persons,
                        links: item.online.map { [($0, say(ja: "オンライン参加", en: "Join online"))] } ?? [])
                }
                return (room, say(room.name), events)
            }.filter { !$0.2.isEmpty }
            days.append(Day(index: days.count + 1, date: day.date, start: programme.zone.localized(start),
                            end: programme.zone.localized(end), rooms: rooms))
        }
        self.days = days
    }

    /// How many events the schedule holds.
    public var eventCount: Int { days.reduce(0) { $0 + $1.rooms.reduce(0) { $0 + $1.events.count } } }

    /// A track slug frab accepts: a lowercase letter first, then letters, digits and `-`.
    static func trackSlug(_ id: String) -> String {
        var s = FrabIDs.slug(id)
        if s.first.map({ !$0.isLetter }) ?? true { s = "t" + s }
        if s.count < 2 { s += "0" }
        return s
    }

    /// `HH:MM` of a number of minutes.
    static func hoursMinutes(_ minutes: Int) -> String {
        (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    var timeslot: String { Self.hoursMinutes(programme.event.slotMinutes) }
    var firstDate: LocalDate? { days.first?.date }
    var lastDate: LocalDate? { days.last?.date }
}

extension String {
    func replacingAll(_ a: Character, with b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
