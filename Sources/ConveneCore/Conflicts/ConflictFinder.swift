/// Lists every hard rule a schedule breaks against the current plan, calendars and answers.
///
/// Recomputed from scratch each time, so a change to the plan, a new busy time in
/// someone's calendar or a decline shows at once. Reasons name people, rooms and
/// sessions in words, and a busy time names the calendar entry that blocks it.
public struct ConflictFinder: Sendable {
    public let event: Event
    /// Busy times by person id; only firm ones (`.busy`) block a required person.
    public let busy: [String: [BusyPeriod]]
    public let declines: [Decline]
    let text: ScheduleText

    /// Creates a finder for the plan as it stands (with admin pins already applied to its sessions).
    public init(event: Event, busy: [String: [BusyPeriod]] = [:], declines: [Decline] = [], language: Language = .en) {
        self.event = event
        self.busy = busy
        self.declines = declines
        self.text = ScheduleText(event: event, language: language)
    }

    /// A session placed in a room, with its plan entry and its span.
    struct Placed {
        var assignment: Assignment
        var session: Session
        var interval: Interval
    }

    /// Every conflict in a schedule, in a stable order (by session, then kind).
    public func conflicts(in assignments: [Assignment]) -> [Conflict] {
        let placed = assignments.compactMap { a -> Placed? in
            // A session the plan dropped is shown as cancelled, not as a conflict.
            guard let s = event.session(a.session) else { return nil }
            return Placed(assignment: a, session: s, interval: Interval(start: a.start, end: a.start.adding(minutes: s.duration)))
        }.sorted { ($0.interval.start, $0.assignment.room, $0.session.id) < ($1.interval.start, $1.assignment.room, $1.session.id) }
        var out: [Conflict] = []
        for p in placed {
            out += openingHours(p) + room(p) + unavailable(p) + windows(p) + pin(p) + declined(p) + composition(p)
        }
        out += roomOverlaps(placed) + personOverlaps(placed) + afterOrder(placed)
        return out.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            return (x.sessions.first ?? "", a.offset) < (y.sessions.first ?? "", b.offset)
        }.map(\.element)
    }

    /// The conflicts of `after` that `before` does not have (same kind and the same parties).
    public static func added(_ after: [Conflict], comparedTo before: [Conflict]) -> [Conflict] {
        let known = Set(before.map(key))
        return after.filter { !known.contains(key($0)) }
    }

    static func key(_ c: Conflict) -> [String] {
        [c.kind.rawValue, c.sessions.sorted().joined(separator: ","), c.people.sorted().joined(separator: ","),
         c.rooms.sorted().joined(separator: ",")]
    }
}
