/// A schedule for an instance, in the neutral `convene-solution/1` or `/2` form.
public struct Solution: Sendable, Hashable, Codable {
    /// The format tags, by version.
    public static func format(_ version: Int) -> String { "convene-solution/\(version)" }

    /// The name of the instance this solves.
    public var instance: String
    public var assignments: [Assignment]
    public var unscheduled: [Unscheduled]
    /// The version it was read as (or is meant for); written as 2 when an assignment picks people.
    public var version: Int

    /// Creates a solution.
    public init(instance: String, assignments: [Assignment], unscheduled: [Unscheduled], version: Int = 1) {
        self.instance = instance
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.version = version
    }

    /// The version it is written as.
    public var writtenVersion: Int { max(version, assignments.contains { !$0.picked.isEmpty } ? 2 : 1) }

    /// A session left out, with the reason in words.
    public struct Unscheduled: Sendable, Hashable, Codable {
        public var session: String
        public var reason: String

        public init(session: String, reason: String) {
            self.session = session
            self.reason = reason
        }
    }

    enum CodingKeys: String, CodingKey { case format, instance, assignments, unscheduled }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard let version = [1, 2].first(where: { Solution.format($0) == format }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "format is '\(format)', not \(Solution.format(1)) or \(Solution.format(2))")
        }
        self.init(
            instance: try c.decode(.instance, default: ""),
            assignments: try c.decode(.assignments, default: []),
            unscheduled: try c.decode(.unscheduled, default: []),
            version: version
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Solution.format(writtenVersion), forKey: .format)
        try c.encode(instance, forKey: .instance)
        try c.encode(assignments, forKey: .assignments)
        try c.encode(unscheduled, forKey: .unscheduled)
    }
}
