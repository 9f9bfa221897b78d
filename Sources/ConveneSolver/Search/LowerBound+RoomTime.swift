import ConveneCore

extension LowerBound {
    /// The most priority any set of rooms forces out for lack of room minutes.
    ///
    /// For each set of rooms R that some session is confined to (by seats and features) and all rooms,
    /// the sessions confined to R, grouped by the spans their starts reach (`spans`), must fit in R's open
    /// minutes inside their span; what each group gives up is the LP relaxation of its knapsack
    /// (`knapsackLoss`), and the groups' losses add up. Two things take room minutes besides the sessions:
    ///
    /// - an exclusive session, while it runs, takes every room of R, wherever it sits itself;
    /// - turnover: in a room with turnover t, the n sessions of one open stretch of length L need
    ///   Σd + (n−1)·t ≤ L, so Σ(d + t) ≤ L + t; and since d ≤ dmax, d·(1 + t/dmax) ≤ d + t: the room
    ///   holds at most (L + t)/(1 + t/dmax) minutes of sessions. An exclusive session of length e cuts a
    ///   stretch in two, which gives it one t more: it counts e − t in that room.
    static func roomTime(_ problem: Problem, _ sessions: [Int]) -> Int {
        let facts = problem.facts
        let days = MinuteSet(facts.days.map { ($0.start, $0.end) })
        // Each room's open stretches: the days less its closures.
        let open: [[(Int, Int)]] = facts.rooms.map { room in
            var pieces: [(Int, Int)] = []
            for (a, b) in zip(days.starts, days.ends) {
                var from = a
                for (x, y) in zip(room.closed.starts, room.closed.ends) where x < b && y > from {
                    if x > from { pieces.append((from, x)) }
                    from = max(from, y)
                }
                if from < b { pieces.append((from, b)) }
            }
            return pieces
        }
        let exclusive = sessions.filter { problem.exclusive[$0] }
        let hulls = Dictionary(uniqueKeysWithValues: sessions.map { s -> (Int, (Int, Int)) in
            let starts = problem.starts[s]
            return (s, (Int(starts.first ?? 0), Int(starts.last ?? 0) + max(1, problem.duration[s])))
        })
        var roomSets = Set(sessions.filter { !problem.exclusive[$0] && !problem.rooms[$0].isEmpty }.map { Set(problem.rooms[$0]) })
        roomSets.insert(Set(facts.rooms.indices.map(Int32.init)))
        var best = 0
        for rooms in roomSets {
            let confined = sessions.filter { !problem.exclusive[$0] && !problem.rooms[$0].isEmpty && problem.rooms[$0].allSatisfy(rooms.contains) }
            guard !confined.isEmpty else { continue }
            var lost = 0
            for group in spans(confined + exclusive, hull: { hulls[$0]! }) {
                let members = group.sessions.filter { !problem.exclusive[$0] }
                guard !members.isEmpty else { continue }
                let longest = Double(members.map { max(1, problem.duration[$0]) }.max()!)
                let shortest = group.sessions.map { max(1, problem.duration[$0]) }.min()!
                var supply = 0.0
                var exclusiveWeight: [Int: Double] = [:]
                for r in rooms {
                    let t = facts.rooms[Int(r)].turnover, shrink = 1 + Double(t) / longest
                    for (a, b) in open[Int(r)] {
                        let length = min(b, group.span.1) - max(a, group.span.0)
                        // A stretch shorter than every session of the group holds none of them.
                        if length >= shortest { supply += Double(length + t) / shrink }
                    }
                    for e in group.sessions where problem.exclusive[e] {
                        exclusiveWeight[e, default: 0] += Double(max(0, problem.duration[e] - t)) / shrink
                    }
                }
                let items = members.map { (weight: Double(problem.duration[$0]), priority: problem.priority[$0]) }
                    + exclusiveWeight.map { (weight: $0.value, priority: problem.priority[$0.key]) }
                lost += knapsackLoss(items, supply: supply)
            }
            best = max(best, lost)
        }
        return best
    }

    /// What people in many sessions force out: a required person is in one session at a time, so the
    /// sessions requiring them, grouped by the spans their starts reach, must fit in the minutes those
    /// starts can cover at all (already inside the person's free and acceptable hours). Each person and
    /// span gives a knapsack; those with no session in common add up (taken greedily, largest first).
    static func people(_ problem: Problem, _ sessions: [Int]) -> Int {
        var byPerson: [Int32: [Int]] = [:]
        for s in sessions {
            for m in problem.members[s] where m.required { byPerson[m.person, default: []].append(s) }
        }
        var reaches: [Int: (hull: (Int, Int), minutes: MinuteSet)] = [:]
        var parts: [(loss: Int, sessions: [Int])] = []
        for (_, list) in byPerson where list.count > 1 {
            for s in list where reaches[s] == nil { reaches[s] = reach(problem, s) }
            for group in spans(list, hull: { reaches[$0]!.hull }) where group.sessions.count > 1 {
                let demand = group.sessions.reduce(0) { $0 + problem.duration[$1] }
                var covered: [(Int, Int)] = []
                for s in group.sessions {
                    let m = reaches[s]!.minutes
                    covered += zip(m.starts, m.ends).map { ($0, $1) }
                }
                let union = MinuteSet(covered)
                let supply = zip(union.starts, union.ends).reduce(0) { $0 + $1.1 - $1.0 }
                guard demand > supply else { continue }
                let items = group.sessions.map { (weight: Double(problem.duration[$0]), priority: problem.priority[$0]) }
                let loss = knapsackLoss(items, supply: Double(supply))
                if loss > 0 { parts.append((loss, group.sessions)) }
            }
        }
        var used = Set<Int>(), total = 0
        for part in parts.sorted(by: { $0.loss > $1.loss }) where part.sessions.allSatisfy({ !used.contains($0) }) {
            used.formUnion(part.sessions)
            total += part.loss
        }
        return total
    }
}
