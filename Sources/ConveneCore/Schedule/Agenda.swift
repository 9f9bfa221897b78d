/// The schedule as people read it: per day, the sessions in time order with their rooms,
/// in the event's own zone.
public struct Agenda: Sendable, Hashable {
    /// One scheduled session.
    public struct Entry: Sendable, Hashable {
        public var session: Session
        public var room: Room
        public var start: LocalDateTime
        public var end: LocalDateTime
    }

    /// One day of the event.
    public struct Day: Sendable, Hashable {
        public var date: LocalDate
        public var entries: [Entry]
    }

    public var event: Event
    public var days: [Day]
    /// Sessions of the plan the schedule leaves out, with the reason.
    public var unscheduled: [(session: Session, reason: String)]

    /// Lays out a schedule version of an event; assignments naming sessions or rooms
    /// the plan no longer has are left out.
    public init(event: Event, schedule: ScheduleVersion) {
        self.event = event
        let zone = ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        let sessions = Dictionary(uniqueKeysWithValues: event.seated(schedule.assignments).sessions.map { ($0.id, $0) })
        let rooms = Dictionary(uniqueKeysWithValues: event.rooms.enumerated().map { ($1.id, ($0, $1)) })
        var byDate: [LocalDate: [(Int, Entry)]] = [:]
        for a in schedule.assignments {
            guard let s = sessions[a.session], let (order, room) = rooms[a.room] else { continue }
            let start = zone.local(a.start), end = zone.local(a.start.adding(minutes: s.duration))
            byDate[start.date, default: []].append((order, Entry(session: s, room: room, start: start, end: end)))
        }
        days = byDate.keys.sorted().map { date in
            Day(date: date, entries: byDate[date]!.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }.map(\.1))
        }
        let reasons = Dictionary(schedule.unscheduled.map { ($0.session, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let placed = Set(schedule.assignments.map(\.session))
        unscheduled = event.sessions.filter { !placed.contains($0.id) }.map { ($0, reasons[$0.id] ?? "not in this schedule") }
    }

    public static func == (a: Agenda, b: Agenda) -> Bool {
        a.event == b.event && a.days == b.days && a.unscheduled.map(\.session) == b.unscheduled.map(\.session)
            && a.unscheduled.map(\.reason) == b.unscheduled.map(\.reason)
    }

    public func hash(into h: inout Hasher) {
        h.combine(event.id)
        h.combine(days)
    }
}
