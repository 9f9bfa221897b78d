import ConveneCore

/// What no schedule of an instance can beat, on both levels of the score: the search stops as soon
/// as it meets it, and reports the gap it leaves otherwise.
///
/// Unscheduled priority: the sessions that fit nowhere even alone, plus the larger of what the rest must
/// give up because rooms have only so many minutes (for each size of room, the sessions that need at least
/// that size must fit in those rooms' open time; the cheapest priority per minute gives way first) and
/// what series must give up because no chain of their sessions' own dates keeps the cadence.
/// Soft: moves a repair cannot avoid — previous entries naming sessions the instance lacks, entries
/// a session could never hold again even alone, and one move per clashing pair of previous spots
/// (pairs taken disjoint, so each forces a different move).
enum LowerBound {
    static func of(_ problem: Problem) -> Score {
        Score(unscheduled: unscheduled(problem), soft: moved(problem) * problem.movedWeight)
    }

    static func unscheduled(_ problem: Problem) -> Int {
        var bound = 0
        var rest: [Int] = []
        for s in 0..<problem.sessionCount {
            if problem.fitsNowhere(s) { bound += problem.priority[s] } else { rest.append(s) }
        }
        return bound + max(roomTime(problem, rest), series(problem))
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

    /// The most priority any capacity level forces out for lack of room time (rounded up, as priorities are whole).
    static func roomTime(_ problem: Problem, _ sessions: [Int]) -> Int {
        let facts = problem.facts
        let days = MinuteSet(facts.days.map { ($0.start, $0.end) })
        let open = facts.rooms.map { room in
            zip(days.starts, days.ends).reduce(0) { total, day in
                let closed = zip(room.closed.starts, room.closed.ends).reduce(0) { $0 + max(0, min($1.1, day.1) - max($1.0, day.0)) }
                return total + (day.1 - day.0) - closed
            }
        }
        var best = 0
        for level in Set(facts.rooms.map(\.capacity)) {
            let rooms = Set(facts.rooms.indices.filter { facts.rooms[$0].capacity >= level }.map(Int32.init))
            let supply = rooms.reduce(0) { $0 + open[Int($1)] }
            let bound = sessions.filter { !problem.rooms[$0].isEmpty && problem.rooms[$0].allSatisfy(rooms.contains) }
            let demand = bound.reduce(0) { $0 + problem.duration[$1] }
            guard demand > supply else { continue }
            // Give up the least priority per minute first; a part of a session counts as its share of priority.
            var excess = Double(demand - supply), lost = 0.0
            for s in bound.sorted(by: { Double(problem.priority[$0]) / Double(max(1, problem.duration[$0]))
                < Double(problem.priority[$1]) / Double(max(1, problem.duration[$1])) }) where excess > 0 {
                let d = Double(max(1, problem.duration[s])), part = min(1, excess / d)
                lost += part * Double(problem.priority[s])
                excess -= part * d
            }
            best = max(best, Int((lost - 1e-9).rounded(.up)))
        }
        return best
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
