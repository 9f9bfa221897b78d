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

    /// The score beside a lower bound no schedule can beat, e.g.
    /// `unscheduled priority 46, at least 26 unavoidable; soft 120, at least 15 unavoidable`.
    public func described(against bound: Score) -> String {
        if self <= bound { return "unscheduled priority \(unscheduled), soft \(soft): as good as it can be (meets its lower bound)" }
        func part(_ name: String, _ value: Int, _ floor: Int) -> String {
            value == floor ? "\(name) \(value), all unavoidable" : "\(name) \(value), at least \(floor) unavoidable"
        }
        return part("unscheduled priority", unscheduled, bound.unscheduled) + "; " + part("soft", soft, bound.soft)
    }
}
