import ConveneCore

/// What no schedule of an instance can beat, on both levels of the score: the search stops as soon
/// as it meets it, and reports the gap it leaves otherwise.
///
/// Unscheduled priority: the sessions that fit nowhere even alone, plus the largest of what the rest must
/// give up because rooms have only so many minutes (`roomTime`), because people in many sessions have
/// only so many minutes (`people`), and because no chain of a series' own dates keeps its cadence.
/// Soft: moves a repair cannot avoid — previous entries naming sessions the instance lacks, entries
/// a session could never hold again even alone, and one move per clashing pair of previous spots
/// (pairs taken disjoint, so each forces a different move) — plus what every start a session may have
/// costs it (`startCosts`).
enum LowerBound {
    static func of(_ problem: Problem) -> Score {
        var nowhere = 0
        var rest: [Int] = []
        for s in 0..<problem.sessionCount {
            if problem.fitsNowhere(s) { nowhere += problem.priority[s] } else { rest.append(s) }
        }
        let lost = max(roomTime(problem, rest), people(problem, rest), series(problem))
        return Score(unscheduled: nowhere + lost,
                     soft: moved(problem) * problem.movedWeight + startCosts(problem, rest, leftOut: lost))
    }

    /// The least priority a set of sessions must give up so that their weights (minutes) fit in `supply`: the
    /// knapsack's LP relaxation, in which the cheapest priority per minute gives way first and a part of a
    /// session counts as its share of priority; rounded up, as priorities are whole.
    static func knapsackLoss(_ items: [(weight: Double, priority: Int)], supply: Double) -> Int {
        let demand = items.reduce(0) { $0 + $1.weight }
        guard demand > supply + 1e-9 else { return 0 }
        var excess = demand - max(0, supply), lost = 0.0
        for item in items.sorted(by: { Double($0.priority) * $1.weight < Double($1.priority) * $0.weight })
        where excess > 1e-9 && item.weight > 0 {
            let part = min(1, excess / item.weight)
            lost += part * Double(item.priority)
            excess -= part * item.weight
        }
        return Int((lost - 1e-6).rounded(.up))
    }

    /// Each session's reach in time: from its first start to the end of its last, and the minutes any of its
    /// starts may cover, merged.
    static func reach(_ problem: Problem, _ s: Int) -> (hull: (Int, Int), minutes: MinuteSet) {
        let d = max(1, problem.duration[s]), starts = problem.starts[s]
        return ((Int(starts.first ?? 0), Int(starts.last ?? 0) + d), MinuteSet(starts.map { (Int($0), Int($0) + d) }))
    }

    /// Groups sessions whose hulls overlap, so that each group's sessions only ever use minutes inside its own
    /// span and groups never share a minute: what each group must give up adds up.
    static func spans(_ sessions: [Int], hull: (Int) -> (Int, Int)) -> [(span: (Int, Int), sessions: [Int])] {
        var out: [(span: (Int, Int), sessions: [Int])] = []
        for s in sessions.sorted(by: { hull($0).0 < hull($1).0 }) {
            let h = hull(s)
            if let last = out.last, h.0 < last.span.1 {
                out[out.count - 1].span.1 = max(last.span.1, h.1)
                out[out.count - 1].sessions.append(s)
            } else {
                out.append(((h.0, h.1), [s]))
            }
        }
        return out
    }

    /// The priority series' sessions that fit somewhere alone must leave out because their cadence
    /// cannot hold: for each series, its members' priority less the heaviest chain of members, in the
    /// series' order, on dates their fit allows them (rooms and other sessions set aside), whose
    /// consecutive dates are as far apart as the cadence asks.
    static func series(_ problem: Problem) -> Int {
        var lost = 0
        for info in problem.series {
            let members = info.members.filter { !problem.fitsNowhere($0) }
            guard members.count > 1 else { continue }
            // best[k][date]: the heaviest chain ending with members[k] on that date.
            var best: [[Int32: Int]] = []
            var heaviest = 0
            for (k, s) in members.enumerated() {
                var mine: [Int32: Int] = [:]
                for date in Set(problem.startDate[s]) {
                    var before = 0
                    let least = max(0, info.minDays)
                    for j in 0..<k {
                        if let most = info.maxDays {
                            guard most >= least else { continue }
                            for gap in least...most { if let w = best[j][date - Int32(gap)] { before = max(before, w) } }
                        } else {
                            for (d, w) in best[j] where Int(date - d) >= least { before = max(before, w) }
                        }
                    }
                    mine[date] = before + problem.priority[s]
                    heaviest = max(heaviest, before + problem.priority[s])
                }
                best.append(mine)
            }
            lost += members.reduce(0) { $0 + problem.priority[$1] } - heaviest
        }
        return lost
    }

    /// Previous entries that must count as moved in any schedule.
    static func moved(_ problem: Problem) -> Int {
        var forced = problem.previousUnknown
        var kept: [(session: Int, room: Int32, start: Int, cell: Int)] = []
        for s in 0..<problem.sessionCount where !problem.previous[s].isEmpty {
            // A session holds one spot: of several previous entries, only those at one spot can be kept.
            var bySpot: [Problem.Placement: Int] = [:]
            for p in problem.previous[s] { bySpot[p, default: 0] += 1 }
            let possible = bySpot.filter { spot, _ in
                guard spot.room >= 0, problem.rooms[s].contains(spot.room),
                      let i = problem.starts[s].firstIndex(of: Int32(spot.start)) else { return false }
                let cell = Int(problem.startCells[s][i])
                return !problem.roomIsClosed(Int(spot.room), cell: cell, span: Int(problem.cellSpan[s]))
                    && !problem.isDeclined(s, room: Int(spot.room), cell: cell)
            }
            guard let best = possible.max(by: { ($0.value, $1.key.start) < ($1.value, $0.key.start) }) else {
                forced += problem.previous[s].count
                continue
            }
            forced += problem.previous[s].count - best.value
            let i = problem.starts[s].firstIndex(of: Int32(best.key.start))!
            kept.append((s, best.key.room, best.key.start, Int(problem.startCells[s][i])))
        }
        return forced + clashingPairs(problem, kept)
    }

    /// A set of disjoint pairs of kept previous spots that cannot both stand: each forces a move.
    static func clashingPairs(_ problem: Problem, _ kept: [(session: Int, room: Int32, start: Int, cell: Int)]) -> Int {
        func end(_ k: (session: Int, room: Int32, start: Int, cell: Int)) -> Int { k.start + problem.duration[k.session] }
        var pairs: [(Int, Int)] = []
        var byRoom: [Int32: [Int]] = [:], byPerson: [Int32: [Int]] = [:]
        for (k, entry) in kept.enumerated() {
            byRoom[entry.room, default: []].append(k)
            for m in problem.members[entry.session] where m.required { byPerson[m.person, default: []].append(k) }
        }
        for (room, list) in byRoom {
            let turnover = Int(problem.turnoverCells[Int(room)]) * problem.timeline.unit
            let sorted = list.sorted { kept[$0].start < kept[$1].start }
            for (a, b) in zip(sorted, sorted.dropFirst()) where kept[b].start < end(kept[a]) + turnover { pairs.append((a, b)) }
        }
        for list in byPerson.values {
            let sorted = list.sorted { kept[$0].start < kept[$1].start }
            for (a, b) in zip(sorted, sorted.dropFirst()) where kept[b].start < end(kept[a]) { pairs.append((a, b)) }
        }
        let index = Dictionary(kept.enumerated().map { ($1.session, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, entry) in kept.enumerated() {
            for b in problem.after[entry.session] {
                if let j = index[Int(b)], end(kept[j]) > entry.start { pairs.append((j, k)) }
            }
        }
        var matched = Set<Int>(), count = 0
        for (a, b) in pairs where a != b && !matched.contains(a) && !matched.contains(b) {
            matched.insert(a)
            matched.insert(b)
            count += 1
        }
        return count
    }
}
