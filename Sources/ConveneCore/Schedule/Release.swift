/// One publication of a schedule version: from then on subscribers' feeds show it and its people
/// are mailed about it. Releases are numbered 1, 2, 3 … and never change.
public struct Release: Sendable, Hashable, Codable {
    /// 1, 2, 3 … in the order they were published.
    public var number: Int
    /// The schedule version made official.
    public var schedule: ScheduleVersion
    /// When it was published: feeds date its changes from then.
    public var publishedAt: Instant
    /// Why, as given to `convene publish --reason`.
    public var reason: String?

    /// A release of `schedule`.
    public init(number: Int, schedule: ScheduleVersion, publishedAt: Instant, reason: String? = nil) {
        self.number = number
        self.schedule = schedule
        self.publishedAt = publishedAt
        self.reason = reason
    }

    /// The schedule as subscribers saw it from this release on: dated when it was published.
    public var asPublished: ScheduleVersion {
        var v = schedule
        v.createdAt = publishedAt
        return v
    }
}
