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
    /// The plan's instance with its people's firm busy times and its `previously:` schedule, built once.
    public let instance: Instance
    /// The plan's own rules: composition and declines.
    public let planFacts: PlanFacts
    /// The instance and plan facts as the rule book reads them, built once for every schedule judged.
    let facts: Facts
    let words: Wording

    /// Creates a finder for the plan as it stands (with admin pins already applied to its sessions).
    public init(event: Event, busy: [String: [BusyPeriod]] = [:], declines: [Decline] = [], language: Language = .en) {
        self.event = event
        self.busy = busy
        self.declines = declines
        self.words = Wording(event: event, busy: busy, language: language)
        instance = event.instance(periods: busy, previous: event.previousSchedule)
        planFacts = PlanFacts(composition: Dictionary(event.sessions.map { ($0.id, $0.composition) }, uniquingKeysWith: { a, _ in a }),
                              declines: declines)
        facts = Facts(instance, plan: planFacts)
    }

    /// Every conflict in a schedule, in a stable order (by session, then rule).
    public func conflicts(in assignments: [Assignment]) -> [Conflict] { judge(assignments).conflicts }

    /// Every conflict in a schedule and its score, from one pass of the rule book: the score is the one
    /// `compile` → `solve` → `validate` gives, `moved` counted against the plan's `previously:`.
    public func judge(_ assignments: [Assignment]) -> (conflicts: [Conflict], score: Score) {
        // A session the plan dropped is shown as cancelled, not as a conflict.
        let planned = assignments.filter { event.session($0.session) != nil }
        var out = planned.filter { event.room($0.room) == nil }.map { a in
            Conflict(kind: .roomUnavailable, sessions: [a.session], rooms: [a.room],
                     reason: "\(words.session(a.session)) is in room '\(a.room)', which the plan no longer lists")
        }
        let placed = planned.filter { event.room($0.room) != nil }
        let ids = Set(placed.map(\.session))
        let solution = Solution(instance: instance.name, assignments: placed,
                                unscheduled: facts.sessions.filter { !ids.contains($0.id) }.map { .init(session: $0.id, reason: "") })
        let judged = RuleBook.judge(Review(facts, solution), words: words)
        out += judged.violations
        let sorted = out.enumerated().sorted { a, b in
            (a.element.sessions.first ?? "", a.offset) < (b.element.sessions.first ?? "", b.offset)
        }.map(\.element)
        return (sorted, judged.score)
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
