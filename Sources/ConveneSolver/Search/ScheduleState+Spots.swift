/// A free spot for a session and the soft cost it would carry there.
struct Spot: Sendable {
    var room: Int32
    var startIndex: Int
    var soft: Int
}

extension ScheduleState {
    /// The first free spot in order of starts, then rooms smallest first: the greedy's choice.
    func firstFreeSpot(_ s: Int) -> Spot? {
        let span = Int(problem.cellSpan[s])
        let starts = problem.starts[s]
        for i in starts.indices {
            let check = personCheck(s, start: Int(starts[i]))
            if check.clash { continue }
            let cell = Int(problem.startCells[s][i])
            for r in problem.rooms[s] where roomIsFree(Int(r), cell: cell, span: span) {
                return Spot(room: r, startIndex: i, soft: placementSoft(s, room: r, startIndex: i, optional: check.optional))
            }
        }
        return nil
    }

    /// The cheapest free spot, ties broken at random; stops early at a spot that costs nothing.
    func bestFreeSpot(_ s: Int, random: inout RandomSource) -> Spot? {
        let span = Int(problem.cellSpan[s])
        let starts = problem.starts[s]
        guard !starts.isEmpty else { return nil }
        var best: Spot?
        var ties = 0
        // Start the scan at a random start so equal spots are spread over the days.
        let offset = random.below(starts.count)
        for k in 0..<starts.count {
            let i = (k + offset) % starts.count
            let check = personCheck(s, start: Int(starts[i]))
            if check.clash { continue }
            let cell = Int(problem.startCells[s][i])
            for r in problem.rooms[s] where roomIsFree(Int(r), cell: cell, span: span) {
                let soft = placementSoft(s, room: r, startIndex: i, optional: check.optional)
                if best == nil || soft < best!.soft {
                    best = Spot(room: r, startIndex: i, soft: soft)
                    ties = 1
                    if soft == 0 && problem.previous[s].isEmpty { return best }
                } else if soft == best!.soft {
                    ties += 1
                    if random.below(ties) == 0 { best = Spot(room: r, startIndex: i, soft: soft) }
                }
                // Smallest fitting room first: unless a previous room matters, a larger one costs the same.
                if problem.previous[s].isEmpty { break }
            }
        }
        return best
    }

    /// The spot a session held before, when it is free now.
    func previousSpot(_ s: Int) -> Spot? {
        for p in problem.previous[s] where p.room >= 0 {
            guard problem.rooms[s].contains(p.room), let i = problem.starts[s].firstIndex(of: Int32(p.start)) else { continue }
            let check = personCheck(s, start: p.start)
            if check.clash || !roomIsFree(Int(p.room), cell: Int(problem.startCells[s][i]), span: Int(problem.cellSpan[s])) {
                continue
            }
            return Spot(room: p.room, startIndex: i, soft: placementSoft(s, room: p.room, startIndex: i, optional: check.optional))
        }
        return nil
    }
}
