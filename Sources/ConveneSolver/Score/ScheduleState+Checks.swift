/// The search's incremental forms of the rules between sessions: who is busy, which room cells are
/// held, exclusive sessions, series cadence, order and picks.
extension ScheduleState {
    /// Whether session `s` starting at minute `t` (with these picked people) clashes with a required
    /// person's session or an `after` order, and how many optional conflicts it would add.
    func personCheck(_ s: Int, start t: Int, picks: [Int32] = []) -> (clash: Bool, optional: Int) {
        let e = t + problem.duration[s]
        var optional = 0
        // Written out for members and picks alike, not as a nested function: this is the search's innermost loop.
        for m in problem.members[s] {
            for o in attending[Int(m.person)] where Int(o.person) != s {
                let os = Int(o.person)
                guard ScheduleState.overlap(t, e, startMinute[os], end(os)) else { continue }
                if m.required && o.required { return (true, 0) }
                optional += 1
            }
        }
        for p in picks {
            for o in attending[Int(p)] where Int(o.person) != s {
                let os = Int(o.person)
                guard ScheduleState.overlap(t, e, startMinute[os], end(os)) else { continue }
                if o.required { return (true, 0) }
                optional += 1
            }
        }
        for b in problem.after[s] where isScheduled(Int(b)) && end(Int(b)) > t { return (true, 0) }
        for a in problem.before[s] where isScheduled(Int(a)) && e > startMinute[Int(a)] { return (true, 0) }
        return (false, optional)
    }

    /// True when room `r` is open over session `s`'s own cells from `cell` and nobody holds the cells it
    /// would hold (its time and the room's turnover after it).
    @inline(__always)
    func roomIsFree(_ s: Int, room r: Int, cell: Int) -> Bool {
        // Held cells first: in a full schedule the first cell is most often taken, and its answer is one load.
        let base = r * problem.timeline.cellCount + cell
        for c in base..<(base + problem.heldCells(s, room: r, cell: cell)) where occupant[c] >= 0 && Int(occupant[c]) != s { return false }
        // The turnover before it: a session ending within the room's turnover of `cell` holds those cells already.
        if problem.roomIsClosed(r, cell: cell, span: Int(problem.cellSpan[s])) { return false }
        // Separate conditions, not `||`: its autoclosure would capture the whole state on every call in a debug build.
        if declines, problem.isDeclined(s, room: r, cell: cell) { return false }
        return true
    }

    /// True when nothing exclusive runs beside session `s` from `cell` (and, if it is exclusive, nothing at all).
    @inline(__always)
    func exclusiveAllows(_ s: Int, cell: Int) -> Bool {
        guard problem.hasExclusive else { return true }
        let counts = problem.exclusive[s] ? running : exclusiveRunning
        for c in cell..<(cell + Int(problem.cellSpan[s])) where counts[c] > 0 { return false }
        return true
    }

    /// The scheduled sessions of `s`'s series just before and after it, by the series' order.
    func seriesNeighbours(_ s: Int) -> (before: Int?, after: Int?) {
        guard let (k, position) = problem.seriesOf[s] else { return (nil, nil) }
        let members = problem.series[k].members
        let before = members[..<position].last { isScheduled($0) }
        let after = members[(position + 1)...].first { isScheduled($0) }
        return (before, after)
    }

    /// True when session `s` at start index `i` keeps its series' cadence with its scheduled neighbours.
    func cadenceAllows(_ s: Int, startIndex i: Int) -> Bool {
        guard problem.seriesOf[s] != nil else { return true }
        let (before, after) = seriesNeighbours(s)
        if let b = before, cadenceBroken(s, startIndex: i, with: b, before: true) { return false }
        if let a = after, cadenceBroken(s, startIndex: i, with: a, before: false) { return false }
        return true
    }

    /// The series rule between session `s` at start index `i` and its scheduled neighbour `o`, held
    /// `before` it or after it: true when their dates break the cadence.
    @inline(__always)
    private func cadenceBroken(_ s: Int, startIndex i: Int, with o: Int, before: Bool) -> Bool {
        let info = problem.series[problem.seriesOf[s]!.series]
        let date = problem.startDate[s][i], t = Int(problem.starts[s][i])
        let other = problem.startDate[o][Int(startIndex[o])]
        return before ? !cadenceHolds(info, from: other, startMinute[o], to: date, t) : !cadenceHolds(info, from: date, t, to: other, startMinute[o])
    }

    /// The people session `s` would pick at start index `i`: from each group the cheapest free candidates,
    /// never two of one apart set; nil when some group cannot be met.
    func choosePicks(_ s: Int, startIndex i: Int) -> (picks: [Int32], soft: Int)? {
        let groups = problem.picks[s]
        guard !groups.isEmpty else { return ([], 0) }
        let t = Int(problem.starts[s][i]), e = t + problem.duration[s]
        var chosen: [Int32] = [], soft = 0
        var apartTaken = Set<Int32>()
        for m in problem.members[s] where m.required { apartTaken.formUnion(problem.apartOf[Int(m.person)]) }
        for g in groups {
            var options: [(cost: Int, person: Int32)] = []
            for c in g.candidates where problem.available(c, t, e) && !problem.apartOf[Int(c)].contains(where: apartTaken.contains) {
                var optional = 0, clash = false
                for o in attending[Int(c)] where Int(o.person) != s {
                    let os = Int(o.person)
                    guard ScheduleState.overlap(t, e, startMinute[os], end(os)) else { continue }
                    if o.required { clash = true; break }
                    optional += 1
                }
                if clash { continue }
                options.append((optional * problem.optionalConflictWeight + problem.pickSoft(c, t, e), c))
            }
            guard options.count >= g.count else { return nil }
            let before = problem.previousPicks[s]
            options.sort { ($0.cost, before.contains($0.person) ? 0 : 1, $0.person) < ($1.cost, before.contains($1.person) ? 0 : 1, $1.person) }
            var taken = 0
            for o in options where taken < g.count && !problem.apartOf[Int(o.person)].contains(where: apartTaken.contains) {
                chosen.append(o.person)
                soft += o.cost
                apartTaken.formUnion(problem.apartOf[Int(o.person)])
                taken += 1
            }
            guard taken == g.count else { return nil }
        }
        return (chosen, soft)
    }

    /// The sessions that hold session `s`'s spot (room cells and turnover, required people, order, exclusive
    /// sessions, series neighbours, the candidates its picks need); nil when the room is closed there or a
    /// required person declined it there.
    func blockers(_ s: Int, room r: Int, startIndex i: Int) -> [Int]? {
        let cell = Int(problem.startCells[s][i]), span = Int(problem.cellSpan[s])
        if problem.roomIsClosed(r, cell: cell, span: span) || problem.isDeclined(s, room: r, cell: cell) { return nil }
        var out: [Int] = []
        func add(_ o: Int) { if o != s && !out.contains(o) { out.append(o) } }
        let base = r * problem.timeline.cellCount + cell
        for c in base..<(base + problem.heldCells(s, room: r, cell: cell)) where occupant[c] >= 0 { add(Int(occupant[c])) }
        let t = Int(problem.starts[s][i]), e = t + problem.duration[s]
        for (_, others) in requiredClashes(s, t, e) { others.forEach(add) }
        orderClashes(s, t, e).forEach(add)
        if !exclusiveAllows(s, cell: cell) {
            for room in 0..<problem.roomCount {
                let b = room * problem.timeline.cellCount
                for c in cell..<(cell + span) where occupant[b + c] >= 0 {
                    let o = Int(occupant[b + c])
                    if (problem.exclusive[s] || problem.exclusive[o]) && ScheduleState.overlap(t, e, startMinute[o], end(o)) { add(o) }
                }
            }
        }
        cadenceClashes(s, startIndex: i).forEach(add)
        if out.isEmpty, choosePicks(s, startIndex: i) == nil {
            // Free the candidates a group needs: the sessions that hold them then.
            for g in problem.picks[s] {
                for c in g.candidates where problem.available(c, t, e) {
                    for o in attending[Int(c)] where o.required && ScheduleState.overlap(t, e, startMinute[Int(o.person)], end(Int(o.person))) {
                        add(Int(o.person))
                    }
                }
            }
        }
        return out
    }

    /// The scheduled sessions that share a required person of session `s` over `[t, e)`, by person: the
    /// person-overlap rule between sessions, in the form blockers and reasons name (the search's
    /// `personCheck` is its fast form).
    func requiredClashes(_ s: Int, _ t: Int, _ e: Int) -> [(person: Int32, sessions: [Int])] {
        var out: [(person: Int32, sessions: [Int])] = []
        for m in problem.members[s] where m.required {
            var others: [Int] = []
            for o in attending[Int(m.person)] where o.required && Int(o.person) != s {
                let os = Int(o.person)
                if ScheduleState.overlap(t, e, startMinute[os], end(os)) { others.append(os) }
            }
            if !others.isEmpty { out.append((m.person, others)) }
        }
        return out
    }

    /// The scheduled sessions that the `after` rule sets against session `s` over `[t, e)`: those it must
    /// follow that have not ended by `t`, and those that must follow it that start before `e`.
    func orderClashes(_ s: Int, _ t: Int, _ e: Int) -> [Int] {
        var out: [Int] = []
        for b in problem.after[s] where isScheduled(Int(b)) && end(Int(b)) > t { out.append(Int(b)) }
        for a in problem.before[s] where isScheduled(Int(a)) && e > startMinute[Int(a)] { out.append(Int(a)) }
        return out
    }

    /// The scheduled series neighbours of session `s` whose cadence it breaks at start index `i`
    /// (`cadenceAllows` is the same rule, answering yes or no).
    func cadenceClashes(_ s: Int, startIndex i: Int) -> [Int] {
        guard problem.seriesOf[s] != nil else { return [] }
        let (before, after) = seriesNeighbours(s)
        return [before.flatMap { cadenceBroken(s, startIndex: i, with: $0, before: true) ? $0 : nil },
                after.flatMap { cadenceBroken(s, startIndex: i, with: $0, before: false) ? $0 : nil }].compactMap { $0 }
    }

    /// A spot for session `s` (unscheduled) in room `r` at start index `i`, with its picks and soft cost,
    /// when every rule allows it there.
    func spot(_ s: Int, room r: Int32, startIndex i: Int) -> Spot? {
        let cell = Int(problem.startCells[s][i]), t = Int(problem.starts[s][i])
        let check = personCheck(s, start: t)
        guard !check.clash, roomIsFree(s, room: Int(r), cell: cell), exclusiveAllows(s, cell: cell),
              cadenceAllows(s, startIndex: i), let picks = choosePicks(s, startIndex: i) else { return nil }
        let optional = personCheck(s, start: t, picks: picks.picks).optional
        return Spot(room: r, startIndex: i, soft: placementSoft(s, room: r, startIndex: i, optional: optional, picks: picks.picks),
                    picks: picks.picks)
    }

    /// The search's judgement of an unscheduled session at a spot: a candidate of its fit, and every rule
    /// between sessions allows it there with some picks. Tests prove it equal to the rule book.
    func admits(_ s: Int, room r: Int, start t: Int) -> Spot? {
        guard problem.rooms[s].contains(Int32(r)), let i = problem.starts[s].firstIndex(of: Int32(t)) else { return nil }
        return spot(s, room: Int32(r), startIndex: i)
    }
}
