/// The construction phase: most-constrained session first, each into a free spot.
enum Construction {
    /// Pinned sessions first, then fewest candidate spots, higher priority, longer duration; the sessions
    /// of a series together, in the series' order, where its first comes.
    static func order(_ problem: Problem) -> [Int] {
        let sorted = (0..<problem.sessionCount).sorted { a, b in
            if problem.pinned[a] != problem.pinned[b] { return problem.pinned[a] }
            let ca = problem.rooms[a].count * problem.starts[a].count, cb = problem.rooms[b].count * problem.starts[b].count
            if ca != cb { return ca < cb }
            if problem.priority[a] != problem.priority[b] { return problem.priority[a] > problem.priority[b] }
            if problem.duration[a] != problem.duration[b] { return problem.duration[a] > problem.duration[b] }
            return a < b
        }
        var out: [Int] = [], done = [Bool](repeating: false, count: problem.sessionCount)
        for s in sorted where !done[s] {
            let group = problem.seriesOf[s].map { problem.series[$0.series].members } ?? [s]
            for m in group where !done[m] {
                done[m] = true
                out.append(m)
            }
        }
        return out
    }

    /// The one-pass greedy: each session, most constrained first, at its first free room and start.
    static func greedy(_ problem: Problem) -> ScheduleState {
        var state = ScheduleState(problem: problem)
        for s in order(problem) {
            if let spot = state.firstFreeSpot(s) { state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks) }
        }
        return state
    }

    /// The search's starting point: sessions of the previous schedule stay where they were when
    /// they still fit, pins and the most constrained go first, and the rest take their cheapest spot.
    static func initial(_ problem: Problem, random: inout RandomSource) -> ScheduleState {
        var state = ScheduleState(problem: problem)
        let order = order(problem)
        for s in order where problem.pinned[s] {
            if let spot = state.firstFreeSpot(s) { state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks) }
        }
        // Where the previous schedule has clashes, keep the sessions that clash least.
        let clashes = previousClashes(problem)
        let returning = order.filter { !problem.pinned[$0] && !problem.previous[$0].isEmpty }
        for s in returning.sorted(by: { (clashes[$0], $0) < (clashes[$1], $1) }) {
            if let spot = state.previousSpot(s) { state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks) }
        }
        for s in order where !state.isScheduled(s) && !problem.pinned[s] {
            // A series is laid out earliest first, so the sessions after its first still have weeks to go to.
            let spot = problem.seriesOf[s] != nil ? state.firstFreeSpot(s) : state.bestFreeSpot(s, random: &random)
            if let spot { state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks) }
        }
        return state
    }

    /// For each session, how many others its previous spot overlaps in the same room or for a required person.
    static func previousClashes(_ problem: Problem) -> [Int] {
        var spans: [(start: Int, end: Int, session: Int)] = []
        var byRoom: [Int32: [Int]] = [:], byPerson: [Int32: [Int]] = [:]
        for s in 0..<problem.sessionCount {
            guard let p = problem.previous[s].first, p.room >= 0 else { continue }
            let k = spans.count
            spans.append((p.start, p.start + problem.duration[s], s))
            byRoom[p.room, default: []].append(k)
            for m in problem.members[s] where m.required { byPerson[m.person, default: []].append(k) }
        }
        var clashes = [Int](repeating: 0, count: problem.sessionCount)
        for group in Array(byRoom.values) + Array(byPerson.values) {
            let sorted = group.sorted { spans[$0].start < spans[$1].start }
            for (x, a) in sorted.enumerated() {
                for b in sorted[(x + 1)...] {
                    if spans[b].start >= spans[a].end { break }
                    clashes[spans[a].session] += 1
                    clashes[spans[b].session] += 1
                }
            }
        }
        return clashes
    }
}
