/// The rule book's report on a schedule: every broken rule, entries that do not fit the instance,
/// and the score with its breakdown.
public struct Validation: Sendable, Hashable {
    /// Every broken hard rule as a conflict an admin can act on.
    public var violations: [Conflict]
    /// Entries that do not fit the instance at all: unknown ids, sessions listed twice or missing.
    public var problems: [String]
    /// Every finding of a format rule, in the words of the format's checker (`validate.py`).
    public var messages: [String]
    public var score: Score
    /// How often each soft term is incurred (before weighting), in the rule book's order.
    public var breakdown: [(term: String, count: Int)]
    /// How many sessions the solution schedules.
    public var scheduled: Int
    /// How many sessions the instance has.
    public var sessions: Int

    /// True when no hard rule is broken and every entry fits the instance.
    public var feasible: Bool { violations.isEmpty && problems.isEmpty }

    /// The count of one soft term.
    public func count(_ term: String) -> Int { breakdown.first { $0.term == term }?.count ?? 0 }

    /// The summary line the format's checker prints last.
    public var summary: String {
        let terms = breakdown.map { "'\($0.term)': \($0.count)" }.joined(separator: ", ")
        return "feasible=\(feasible ? "True" : "False") scheduled=\(scheduled)/\(sessions) "
            + "unscheduled=\(score.unscheduled) soft=\(score.soft) {\(terms)}"
    }

    public static func == (a: Validation, b: Validation) -> Bool {
        a.violations == b.violations && a.problems == b.problems && a.messages == b.messages && a.score == b.score
            && a.breakdown.map(\.term) == b.breakdown.map(\.term) && a.breakdown.map(\.count) == b.breakdown.map(\.count)
            && a.scheduled == b.scheduled && a.sessions == b.sessions
    }

    public func hash(into h: inout Hasher) {
        h.combine(messages)
        h.combine(score)
    }
}

extension Validation: Encodable {
    enum CodingKeys: String, CodingKey {
        case feasible, violations, scheduled, sessions, unscheduled, soft, breakdown, conflicts
    }

    /// The keys of `validate.py --json`, plus `conflicts` with each broken rule's kind and parties.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(feasible, forKey: .feasible)
        try c.encode(messages, forKey: .violations)
        try c.encode(scheduled, forKey: .scheduled)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(score.unscheduled, forKey: .unscheduled)
        try c.encode(score.soft, forKey: .soft)
        try c.encode(Dictionary(uniqueKeysWithValues: breakdown.map { ($0.term, $0.count) }), forKey: .breakdown)
        try c.encode(violations, forKey: .conflicts)
    }
}
