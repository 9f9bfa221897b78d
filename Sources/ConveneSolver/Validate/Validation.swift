public import ConveneCore

/// What the checker found in a solution: broken hard rules in words, and the score.
public struct Validation: Sendable, Hashable {
    /// Counts behind the soft score, before weighting.
    public struct SoftBreakdown: Sendable, Hashable, Codable {
        public var optionalConflict: Int
        public var optionalUnavailable: Int
        public var preference: Int
        public var moved: Int

        public init(optionalConflict: Int = 0, optionalUnavailable: Int = 0, preference: Int = 0, moved: Int = 0) {
            self.optionalConflict = optionalConflict
            self.optionalUnavailable = optionalUnavailable
            self.preference = preference
            self.moved = moved
        }
    }

    /// Every broken hard rule (H1 … H7) as a conflict an admin can act on.
    public var violations: [Conflict]
    /// Entries that do not fit the instance at all: unknown ids, sessions listed twice or missing.
    public var problems: [String]
    /// Every finding in the words and order of the format's checker (`validate.py`).
    public var messages: [String]
    public var score: Score
    public var breakdown: SoftBreakdown
    /// How many sessions the solution schedules.
    public var scheduled: Int
    /// How many sessions the instance has.
    public var sessions: Int

    /// True when no hard rule is broken and every entry fits the instance.
    public var feasible: Bool { messages.isEmpty }

    public init(violations: [Conflict], problems: [String], messages: [String], score: Score,
                breakdown: SoftBreakdown, scheduled: Int, sessions: Int) {
        self.violations = violations
        self.problems = problems
        self.messages = messages
        self.score = score
        self.breakdown = breakdown
        self.scheduled = scheduled
        self.sessions = sessions
    }

    /// The summary line the format's checker prints last.
    public var summary: String {
        let b = breakdown
        return "feasible=\(feasible ? "True" : "False") scheduled=\(scheduled)/\(sessions) "
            + "unscheduled=\(score.unscheduled) soft=\(score.soft) "
            + "{'optionalConflict': \(b.optionalConflict), 'optionalUnavailable': \(b.optionalUnavailable), "
            + "'preference': \(b.preference), 'moved': \(b.moved)}"
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
        try c.encode(breakdown, forKey: .breakdown)
        try c.encode(violations, forKey: .conflicts)
    }
}
