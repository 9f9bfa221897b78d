import ConveneCore

/// A schedule under search: where each session is, who holds each room cell, and
/// the running cost, kept exact by delta scoring on every place and remove.
struct ScheduleState: Sendable {
    let problem: Problem
    /// Room of each session, -1 when unscheduled.
    private(set) var room: [Int32]
    /// Index into the session's starts, -1 when unscheduled.
    private(set) var startIndex: [Int32]
    /// Start minute of each scheduled session.
    private(set) var startMinute: [Int]
    /// The session holding each room × cell, -1 when free.
    private(set) var occupant: [Int32]
    /// Scheduled sessions naming each person, with whether they require them.
    private(set) var attending: [[Problem.Member]]
    private(set) var cost: Score

    init(problem: Problem) {
        self.problem = problem
        let n = problem.sessionCount
        room = [Int32](repeating: -1, count: n)
        startIndex = [Int32](repeating: -1, count: n)
        startMinute = [Int](repeating: 0, count: n)
        occupant = [Int32](repeating: -1, count: max(1, problem.roomCount * problem.timeline.cellCount))
        attending = [[Problem.Member]](repeating: [], count: problem.personIDs.count)
        var c = Score(unscheduled: 0, soft: problem.previousUnknown * problem.movedWeight)
        for s in 0..<n {
            c.unscheduled += problem.priority[s]
            c.soft += problem.unscheduledMovedPenalty(s)
        }
        cost = c
    }

    @inline(__always) func isScheduled(_ s: Int) -> Bool { room[s] >= 0 }

    @inline(__always) func end(_ s: Int) -> Int { startMinute[s] + problem.duration[s] }

    /// The format checker's overlap of two sessions' minutes (neighbours in start order).
    @inline(__always)
    static func overlap(_ a1: Int, _ b1: Int, _ a2: Int, _ b2: Int) -> Bool {
        (a1, b1) <= (a2, b2) ? b1 > a2 : b2 > a1
    }

    /// Whether session `s` starting at minute `t` clashes with a required person's
    /// session or an `after` order, and how many optional conflicts it would add.
    func personCheck(_ s: Int, start t: Int) -> (clash: Bool, optional: Int) {
        let e = t + problem.duration[s]
        var optional = 0
        for m in problem.members[s] {
            for o in attending[Int(m.person)] where Int(o.person) != s {
                let os = Int(o.person)
                guard ScheduleState.overlap(t, e, startMinute[os], end(os)) else { continue }
                if m.required && o.required { return (true, 0) }
                optional += 1
            }
        }
        for b in problem.after[s] where isScheduled(Int(b)) && end(Int(b)) > t { return (true, 0) }
        for a in problem.before[s] where isScheduled(Int(a)) && e > startMinute[Int(a)] { return (true, 0) }
        return (false, optional)
    }

    /// True when room `r` is open and free over `span` cells from `cell`.
    @inline(__always)
    func roomIsFree(_ r: Int, cell: Int, span: Int) -> Bool {
        let base = r * problem.timeline.cellCount + cell
        for c in base..<(base + span) where occupant[c] >= 0 || problem.roomClosed[c] { return false }
        return true
    }

    /// The soft cost session `s` would carry in room `r` at start index `i`, given `optional` conflicts.
    @inline(__always)
    func placementSoft(_ s: Int, room r: Int32, startIndex i: Int, optional: Int) -> Int {
        Int(problem.startPenalty[s][i]) + problem.movedPenalty(s, room: r, start: Int(problem.starts[s][i]))
            + optional * problem.optionalConflictWeight
    }

    /// Every scheduled session as (session, room, start minute), in session order.
    var placements: [(session: Int, room: Int, start: Int, picked: [String])] {
        room.indices.filter { room[$0] >= 0 }.map { ($0, Int(room[$0]), startMinute[$0], []) }
    }

    /// The search's judgement of an unscheduled session at a spot: a candidate of its fit, the room
    /// open and free there, no required person or order in the way. Tests prove it equal to the rule book.
    func admits(_ s: Int, room r: Int, start t: Int) -> Bool {
        guard problem.rooms[s].contains(Int32(r)), let i = problem.starts[s].firstIndex(of: Int32(t)) else { return false }
        return blockers(s, room: r, startIndex: i)?.isEmpty == true
    }

    /// Places an unscheduled session; the caller has checked that the spot is free.
    mutating func place(_ s: Int, room r: Int32, startIndex i: Int) {
        let t = Int(problem.starts[s][i])
        let optional = personCheck(s, start: t).optional
        cost.unscheduled -= problem.priority[s]
        cost.soft += placementSoft(s, room: r, startIndex: i, optional: optional) - problem.unscheduledMovedPenalty(s)
        room[s] = r
        startIndex[s] = Int32(i)
        startMinute[s] = t
        let base = Int(r) * problem.timeline.cellCount + Int(problem.startCells[s][i])
        for c in base..<(base + Int(problem.cellSpan[s])) { occupant[c] = Int32(s) }
        for m in problem.members[s] { attending[Int(m.person)].append(Problem.Member(person: Int32(s), required: m.required)) }
    }

    /// Takes a scheduled session out.
    mutating func remove(_ s: Int) {
        let r = room[s], i = Int(startIndex[s])
        for m in problem.members[s] { attending[Int(m.person)].removeAll { Int($0.person) == s } }
        let base = Int(r) * problem.timeline.cellCount + Int(problem.startCells[s][i])
        for c in base..<(base + Int(problem.cellSpan[s])) where occupant[c] == Int32(s) { occupant[c] = -1 }
        let optional = personCheck(s, start: startMinute[s]).optional
        cost.unscheduled += problem.priority[s]
        cost.soft -= placementSoft(s, room: r, startIndex: i, optional: optional) - problem.unscheduledMovedPenalty(s)
        room[s] = -1
        startIndex[s] = -1
    }

    /// The sessions that hold session `s`'s spot (room cells, required people, `after` order);
    /// nil when the room is closed there.
    func blockers(_ s: Int, room r: Int, startIndex i: Int) -> [Int]? {
        let cell = Int(problem.startCells[s][i]), span = Int(problem.cellSpan[s])
        if problem.roomIsClosed(r, cell: cell, span: span) { return nil }
        var out: [Int] = []
        let base = r * problem.timeline.cellCount + cell
        for c in base..<(base + span) {
            let o = Int(occupant[c])
            if o >= 0 && !out.contains(o) { out.append(o) }
        }
        let t = Int(problem.starts[s][i]), e = t + problem.duration[s]
        for m in problem.members[s] where m.required {
            for o in attending[Int(m.person)] where o.required && Int(o.person) != s {
                let os = Int(o.person)
                if ScheduleState.overlap(t, e, startMinute[os], end(os)) && !out.contains(os) { out.append(os) }
            }
        }
        for b in problem.after[s] where isScheduled(Int(b)) && end(Int(b)) > t && !out.contains(Int(b)) { out.append(Int(b)) }
        for a in problem.before[s] where isScheduled(Int(a)) && e > startMinute[Int(a)] && !out.contains(Int(a)) {
            out.append(Int(a))
        }
        return out
    }
}
