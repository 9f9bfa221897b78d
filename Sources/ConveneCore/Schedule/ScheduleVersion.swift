/// One saved state of an event's schedule. Every solve or admin change adds one;
/// the latest is the current schedule.
public struct ScheduleVersion: Sendable, Hashable, Codable {
    /// 1, 2, 3 … in the order they were made.
    public var number: Int
    public var createdAt: Instant
    /// The command that made it, e.g. `schedule`, `move`, `undo`.
    public var command: String
    public var reason: String?
    public var assignments: [Assignment]
    public var unscheduled: [Solution.Unscheduled]
    public var score: Score?
    /// What no schedule of the plan as it then stood could beat; nil for versions saved before bounds were kept.
    public var lowerBound: Score?

    public init(
        number: Int, createdAt: Instant, command: String, reason: String? = nil, assignments: [Assignment],
        unscheduled: [Solution.Unscheduled] = [], score: Score? = nil, lowerBound: Score? = nil
    ) {
        self.number = number
        self.createdAt = createdAt
        self.command = command
        self.reason = reason
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.score = score
        self.lowerBound = lowerBound
    }

    /// The score in words, beside the lower bound when there is one.
    public var scoreText: String? {
        guard let score else { return nil }
        return lowerBound.map(score.described(against:)) ?? score.description
    }

    /// The assignment of a session, if it is scheduled.
    public func assignment(of session: String) -> Assignment? { assignments.first { $0.session == session } }
}
