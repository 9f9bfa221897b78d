/// A schedule for an instance, in the neutral `convene-solution/1` form.
public struct Solution: Sendable, Hashable, Codable {
    /// The format tag every solution carries.
    public static let format = "convene-solution/1"

    /// The name of the instance this solves.
    public var instance: String
    public var assignments: [Assignment]
    public var unscheduled: [Unscheduled]

    /// Creates a solution.
    public init(instance: String, assignments: [Assignment], unscheduled: [Unscheduled]) {
        self.instance = instance
        self.assignments = assignments
        self.unscheduled = unscheduled
    }

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
        guard format == Solution.format else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "format is '\(format)', not \(Solution.format)")
        }
        self.init(
            instance: try c.decode(.instance, default: ""),
            assignments: try c.decode(.assignments, default: []),
            unscheduled: try c.decode(.unscheduled, default: [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Solution.format, forKey: .format)
        try c.encode(instance, forKey: .instance)
        try c.encode(assignments, forKey: .assignments)
        try c.encode(unscheduled, forKey: .unscheduled)
    }
}
