/// A schedule's cost during search: unscheduled priority first, then the weighted soft score.
struct Cost: Sendable, Hashable, Comparable {
    var unscheduled: Int
    var soft: Int

    static func < (a: Cost, b: Cost) -> Bool { (a.unscheduled, a.soft) < (b.unscheduled, b.soft) }
    static let zero = Cost(unscheduled: 0, soft: 0)
}
