/// The lexicographic score of a schedule: lower is better, `unscheduled` first.
public struct Score: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Sum of the priorities of unscheduled sessions.
    public var unscheduled: Int
    /// Weighted sum of soft-rule penalties.
    public var soft: Int

    public init(unscheduled: Int, soft: Int) {
        self.unscheduled = unscheduled
        self.soft = soft
    }

    public static func < (a: Score, b: Score) -> Bool { (a.unscheduled, a.soft) < (b.unscheduled, b.soft) }

    public var description: String { "unscheduled=\(unscheduled) soft=\(soft)" }
}
