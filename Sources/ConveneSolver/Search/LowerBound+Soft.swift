import ConveneCore

extension LowerBound {
    /// The soft cost every start forces: a scheduled session pays at least the cheapest of its starts'
    /// penalties (off its preferred windows, optional people away, required people outside their preferred
    /// hours or in their "if need be" times) plus, for each pick group, its cheapest candidates there.
    ///
    /// The bound holds for schedules that leave out exactly `leftOut` priority of the sessions that fit
    /// somewhere (a schedule that leaves out more already scores worse on the first level): such a schedule
    /// leaves out at most `leftOut` of them (priorities are at least 1; sessions of priority 0 may all be
    /// left out), so the `leftOut` dearest are not counted.
    static func startCosts(_ problem: Problem, _ sessions: [Int], leftOut: Int) -> Int {
        var costs: [Int] = []
        for s in sessions where problem.priority[s] > 0 {
            let cost = cheapestStart(problem, s)
            if cost > 0 { costs.append(cost) }
        }
        guard costs.count > leftOut else { return 0 }
        return costs.sorted(by: >).dropFirst(leftOut).reduce(0, +)
    }

    /// The least soft cost of any start of session `s` (moves aside: `moved` counts them).
    static func cheapestStart(_ problem: Problem, _ s: Int) -> Int {
        var best = Int.max
        let d = problem.duration[s]
        for (i, t32) in problem.starts[s].enumerated() where Int(problem.startPenalty[s][i]) < best {
            let t = Int(t32)
            var cost = Int(problem.startPenalty[s][i])
            for group in problem.picks[s] where cost < best {
                let prices = group.candidates.filter { problem.available($0, t, t + d) }
                    .map { problem.pickSoft($0, t, t + d) }.sorted()
                cost += prices.prefix(group.count).reduce(0, +)
            }
            best = min(best, cost)
            if best == 0 { break }
        }
        return best == .max ? 0 : best
    }
}
