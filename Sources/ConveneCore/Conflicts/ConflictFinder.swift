/// Lists every hard rule a schedule breaks against the current plan, calendars and answers.
///
/// Recomputed from scratch each time, so a change to the plan, a new busy time in someone's
/// calendar or a decline shows at once. The rules are the rule book's, judged on the plan's
/// instance; reasons name people, rooms and sessions in words, and a busy time names the
/// calendar entry that blocks it.
public struct ConflictFinder: Sendable {
    public let event: Event
    /// Busy times by person id; only firm ones (`.busy`) block a required person.
    public let busy: [String: [BusyPeriod]]
    public let declines: [Decline]
    let words: Wording

    /// Creates a finder for the plan as it stands (with admin pins already applied to its sessions).
    public init(event: Event, busy: [String: [BusyPeriod]] = [:], declines: [Decline] = [], language: Language = .en) {
        self.event = event
        self.busy = busy
        self.declines = declines
        self.words = Wording(event: event, busy: busy, language: language)
    }

    /// The plan's instance with its people's firm busy times and their "if need be" times.
    public var instance: Instance { event.instance(periods: busy) }

    /// The plan's own rules: composition and declines.
    public var planFacts: PlanFacts {
        var declined: [String: Set<String>] = [:]
        for d in declines { declined[d.session, default: []].insert(d.person) }
        return PlanFacts(composition: Dictionary(event.sessions.map { ($0.id, $0.composition) }, uniquingKeysWith: { a, _ in a }),
                         declines: declined)
    }

    /// Every conflict in a schedule, in a stable order (by session, then rule).
    public func conflicts(in assignments: [Assignment]) -> [Conflict] {
        // A session the plan dropped is shown as cancelled, not as a conflict.
        let planned = assignments.filter { event.session($0.session) != nil }
        var out = planned.filter { event.room($0.room) == nil }.map { a in
            Conflict(kind: .roomUnavailable, sessions: [a.session], rooms: [a.room],
                     reason: "\(words.session(a.session)) is in room '\(a.room)', which the plan no longer lists")
        }
        let placed = planned.filter { event.room($0.room) != nil }
        let instance = self.instance
        out += RuleBook.judge(Review(Facts(instance, plan: planFacts), Solution(instance: instance.name, assignments: placed, unscheduled: [])),
                              words: words).violations
        return out.enumerated().sorted { a, b in
            (a.element.sessions.first ?? "", a.offset) < (b.element.sessions.first ?? "", b.offset)
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
