/// An instance read once for judging: every time in whole minutes from the first day's start,
/// every id looked up once. The rule book's rules, the static fit and the search all read it.
///
/// Where an instance repeats an id, the last entry wins and the first fixes the order, as the
/// format's checker reads it.
package struct Facts: Sendable {
    /// A session's facts.
    package struct Session: Sendable {
        package var id: String
        package var duration: Int
        package var audience: Int
        package var required: [String]
        package var optional: [String]
        package var features: [String]
        package var windows: MinuteSet
        package var hasWindows: Bool
        package var preferred: MinuteSet
        package var hasPreferred: Bool
        package var after: [String]
        package var priority: Int
        /// Room and start minute of a pin.
        package var fixed: (room: String, start: Int)?
        /// The plan's own composition rules (not part of the instance format).
        package var composition: [CompositionRule]
        /// Nothing else may run while it does (version 2).
        package var exclusive: Bool
        /// Groups of candidates it takes people from (version 2).
        package var pick: [Instance.Pick]
        /// Every candidate of its pick groups.
        package var candidates: Set<String>
        /// The series it belongs to and its place there, if any.
        package var series: (index: Int, position: Int)?
    }

    /// A room's facts.
    package struct Room: Sendable {
        package var id: String
        package var capacity: Int
        package var features: Set<String>
        package var closed: MinuteSet
        /// Minutes between one session's end and the next one's start.
        package var turnover: Int
    }

    /// A person's facts; a class, so the rules' inner loops pass one reference, not its tables.
    package final class Person: Sendable {
        package let id: String
        package let group: String?
        package let busy: MinuteSet
        package let hours: Hours?
        /// Times they marked "if need be": soft, never a reason they cannot come.
        package let ifNeedBe: MinuteSet

        init(id: String, group: String?, busy: MinuteSet, hours: Hours?, ifNeedBe: MinuteSet) {
            self.id = id
            self.group = group
            self.busy = busy
            self.hours = hours
            self.ifNeedBe = ifNeedBe
        }

        /// Free of their own busy times, and inside their acceptable hours, over `[start, end)`.
        package func available(_ start: Int, _ end: Int) -> Bool {
            !busy.touches(start, end) && (hours?.acceptable(start, end) ?? true)
        }
    }

    /// The people of one placement, looked up once: its participants (required or picked) and its
    /// optional people whom the facts know, and for each pick group the candidates not kept apart from
    /// a required person.
    package struct Crew: Sendable {
        package var participants: [Person]
        package var optional: [Person]
        package var candidates: [[Person]]
    }

    /// The crew of a session with these participants (by default its required people).
    package func crew(_ session: Session, participants: [String]? = nil) -> Crew {
        Crew(participants: (participants ?? session.required).compactMap { people[$0] },
             optional: session.optional.compactMap { people[$0] },
             candidates: session.pick.map { group in
                 group.from.filter { c in
                     !(apartSets[c] ?? []).contains { set in session.required.contains { $0 != c && apart[set].contains($0) } }
                 }.compactMap { people[$0] }
             })
    }

    /// A person's hours on their own clock, tabled for the event's dates.
    package struct Hours: Sendable {
        package var clock: LocalClock
        package var acceptable: Instance.ClockRange?
        package var preferred: Instance.ClockRange?
        let acceptableTable: [(start: Int, end: Int)]
        let preferredTable: [(start: Int, end: Int)]

        init(_ hours: Instance.Hours, clock: LocalClock, table: (Instance.ClockRange) -> [(start: Int, end: Int)]) {
            self.clock = clock
            acceptable = hours.acceptable
            preferred = hours.preferred
            acceptableTable = hours.acceptable.map(table) ?? []
            preferredTable = hours.preferred.map(table) ?? []
        }

        /// True unless the person has acceptable hours and `[start, end)` is not inside them.
        package func acceptable(_ start: Int, _ end: Int) -> Bool {
            acceptable.map { clock.inside($0, table: acceptableTable, start, end) } ?? true
        }

        /// True unless the person has preferred hours and `[start, end)` is not inside them.
        package func preferred(_ start: Int, _ end: Int) -> Bool {
            preferred.map { clock.inside($0, table: preferredTable, start, end) } ?? true
        }
    }

    package let instance: Instance
    /// Minute 0.
    package let origin: Instant
    package let slot: Int
    /// The days as minute ranges, sorted.
    package let days: [(start: Int, end: Int)]
    /// Sessions in the order they first appear; `sessionIndex` finds them by id.
    package let sessions: [Session]
    package let sessionIndex: [String: Int]
    /// Rooms in the order they first appear; `roomIndex` finds them by id.
    package let rooms: [Room]
    package let roomIndex: [String: Int]
    package let people: [String: Person]
    /// Declines by session id, each with the room index and start minute it holds for (nil: anywhere);
    /// plan-level, empty for a bare instance.
    package let declines: [String: [(person: String, room: Int?, start: Int?)]]
    /// The event's wall clock (UTC when the instance names no zone).
    package let clock: LocalClock
    /// Sets of people who must not share a session.
    package let apart: [Set<String>]
    /// For each person in an apart set, the indices of their sets.
    package let apartSets: [String: [Int]]
    package let series: [Instance.Series]
    /// Instants of the instance that are not on a whole minute from the origin.
    package let offMinute: [Instant]
    /// Whether two days overlap (then the first that holds a session is its day).
    package let daysOverlap: Bool
    /// Grid starts by duration, for every duration a session has.
    let grid: [Int: [Int]]

    /// Reads an instance; `plan` adds the plan's own rules (composition, declines) that the format does not carry.
    package init(_ instance: Instance, plan: PlanFacts = PlanFacts()) {
        self.instance = instance
        let origin = instance.days.first?.start ?? Instant(secondsSinceEpoch: 0)
        self.origin = origin
        slot = instance.slotMinutes
        var offMinute: [Instant] = []
        func m(_ i: Instant) -> Int {
            if (i.secondsSinceEpoch - origin.secondsSinceEpoch) % 60 != 0 { offMinute.append(i) }
            return i.minutes(since: origin)
        }
        func set(_ intervals: [Interval]) -> MinuteSet { MinuteSet(intervals.map { (m($0.start), m($0.end)) }) }
        days = instance.days.map { (m($0.start), m($0.end)) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }

        var clocks: [String: LocalClock] = [:]
        let days = self.days
        func clock(_ zone: ZoneRules) -> LocalClock {
            if let c = clocks[zone.identifier] { return c }
            let c = LocalClock(zone: zone, origin: origin, days: days)
            clocks[zone.identifier] = c
            return c
        }
        self.clock = clock(instance.timeZone.flatMap { ZoneRules(identifier: $0) } ?? ZoneRules(identifier: "UTC")!)

        var rooms: [Room] = [], roomIndex: [String: Int] = [:]
        for r in instance.rooms {
            let room = Room(id: r.id, capacity: r.capacity, features: Set(r.features), closed: set(r.unavailable),
                            turnover: r.turnover)
            if let i = roomIndex[r.id] { rooms[i] = room } else { roomIndex[r.id] = rooms.count; rooms.append(room) }
        }
        var people: [String: Person] = [:]
        // People share zones and hours: each range is tabled once per zone.
        var tables: [String: [(start: Int, end: Int)]] = [:]
        for p in instance.people {
            let hours = p.hours.flatMap { h in
                ZoneRules(identifier: h.zone).map { zone in
                    let c = clock(zone)
                    return Hours(h, clock: c) { range in
                        let key = "\(zone.identifier) \(range.start) \(range.end)"
                        if let t = tables[key] { return t }
                        let t = c.table(range)
                        tables[key] = t
                        return t
                    }
                }
            }
            people[p.id] = Person(id: p.id, group: p.group, busy: set(p.unavailable), hours: hours, ifNeedBe: set(p.ifNeedBe))
        }
        var membership: [String: (Int, Int)] = [:]
        for (i, series) in instance.series.enumerated() {
            for (k, id) in series.sessions.enumerated() where membership[id] == nil { membership[id] = (i, k) }
        }
        var sessions: [Session] = [], sessionIndex: [String: Int] = [:]
        for s in instance.sessions {
            let session = Session(
                id: s.id, duration: s.duration, audience: s.audience, required: s.required, optional: s.optional,
                features: s.features, windows: set(s.windows), hasWindows: !s.windows.isEmpty,
                preferred: set(s.preferred), hasPreferred: !s.preferred.isEmpty, after: s.after, priority: s.priority,
                fixed: s.fixed.map { ($0.room, m($0.start)) }, composition: plan.composition[s.id] ?? [],
                exclusive: s.exclusive, pick: s.pick, candidates: Set(s.pick.flatMap(\.from)),
                series: membership[s.id].map { (index: $0.0, position: $0.1) })
            if let i = sessionIndex[s.id] { sessions[i] = session } else { sessionIndex[s.id] = sessions.count; sessions.append(session) }
        }
        _ = instance.previous.map { m($0.start) }
        self.rooms = rooms
        self.roomIndex = roomIndex
        self.people = people
        self.sessions = sessions
        self.sessionIndex = sessionIndex
        var declines: [String: [(person: String, room: Int?, start: Int?)]] = [:]
        for d in plan.declines {
            // A decline for a room the instance does not list holds nowhere it can be placed.
            let room = d.room.map { roomIndex[$0] ?? -1 }
            declines[d.session, default: []].append((d.person, room, d.start.map { $0.minutes(since: origin) }))
        }
        self.declines = declines
        self.offMinute = offMinute
        daysOverlap = zip(days, days.dropFirst()).contains { $0.1.start < $0.0.end }
        var grid: [Int: [Int]] = [:]
        for d in Set(sessions.map(\.duration)) { grid[d] = Self.gridStarts(d, days: days, slot: instance.slotMinutes) }
        self.grid = grid
        apart = instance.apart.map(Set.init)
        var apartSets: [String: [Int]] = [:]
        for (i, group) in apart.enumerated() { for p in group { apartSets[p, default: []].append(i) } }
        self.apartSets = apartSets
        series = instance.series
    }

    /// Whole minutes from the origin (rounded toward negative infinity).
    package func minutes(_ instant: Instant) -> Int { instant.minutes(since: origin) }

    /// The instant of a minute.
    package func instant(_ minute: Int) -> Instant { origin.adding(minutes: minute) }

    /// The session with this id.
    package func session(_ id: String) -> Session? { sessionIndex[id].map { sessions[$0] } }

    /// The room with this id.
    package func room(_ id: String) -> Room? { roomIndex[id].map { rooms[$0] } }

    /// The people whose decline of the session is in force with it in room `room` at minute `start`.
    package func declined(_ session: String, room: Int, start: Int) -> Set<String> {
        guard let all = declines[session] else { return [] }
        return Set(all.filter { ($0.room ?? room) == room && ($0.start ?? start) == start }.map(\.person))
    }
}

/// What a plan adds to its instance for judging: rules the instance format does not carry.
public struct PlanFacts: Sendable, Hashable {
    /// Composition rules by session id.
    public var composition: [String: [CompositionRule]]
    /// Declines, each in force where the session is at the room and time declined.
    public var declines: [Decline]

    /// Creates plan facts; empty for a bare instance.
    public init(composition: [String: [CompositionRule]] = [:], declines: [Decline] = []) {
        self.composition = composition
        self.declines = declines
    }
}
