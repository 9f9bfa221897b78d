import ConveneCore

/// A schedule under search: where each session is, whom it picked, who holds each room cell, and
/// the running cost, kept exact by delta scoring on every place and remove.
///
/// These are the search's incremental forms of the rule book's rules; `RuleBookAgreementTests`
/// proves them equal to the rule book on random and perturbed schedules.
struct ScheduleState: Sendable {
    let problem: Problem
    /// Whether any session has a spot a required person declined, read here so the room check costs nothing without.
    let declines: Bool
    /// Room of each session, -1 when unscheduled.
    private(set) var room: [Int32]
    /// Index into the session's starts, -1 when unscheduled.
    private(set) var startIndex: [Int32]
    /// Start minute of each scheduled session.
    private(set) var startMinute: [Int]
    /// The people picked for each scheduled session, group by group.
    private(set) var picked: [[Int32]]
    /// The session holding each room × cell (its time and the room's turnover after it), -1 when free.
    private(set) var occupant: [Int32]
    /// Per cell, the rooms some session holds there, as bits (`problem.roomWords` words a cell).
    private var heldRooms: [UInt64]
    /// How many scheduled sessions run in each cell, and how many of them are exclusive
    /// (kept only when the instance has exclusive sessions).
    private(set) var running: [Int32]
    private(set) var exclusiveRunning: [Int32]
    /// Scheduled sessions naming each person, with whether they require (or picked) them.
    private(set) var attending: [[Problem.Member]]
    /// Broken series cadences: only a removal can break one (its neighbours become consecutive),
    /// and the search never keeps a move that leaves one.
    private(set) var seriesBreaks = 0
    /// Per series: its broken cadences and its sessions off the first one's time of day.
    private var seriesState: [(breaks: Int, offTime: Int)]
    private(set) var cost: Score

    init(problem: Problem) {
        self.problem = problem
        declines = problem.anyDeclined
        let n = problem.sessionCount
        room = [Int32](repeating: -1, count: n)
        startIndex = [Int32](repeating: -1, count: n)
        startMinute = [Int](repeating: 0, count: n)
        picked = [[Int32]](repeating: [], count: n)
        occupant = [Int32](repeating: -1, count: max(1, problem.roomCount * problem.timeline.cellCount))
        heldRooms = [UInt64](repeating: 0, count: max(1, problem.timeline.cellCount * problem.roomWords))
        let cells = problem.hasExclusive ? problem.timeline.cellCount : 0
        running = [Int32](repeating: 0, count: cells)
        exclusiveRunning = [Int32](repeating: 0, count: cells)
        attending = [[Problem.Member]](repeating: [], count: problem.personIDs.count)
        seriesState = [(breaks: Int, offTime: Int)](repeating: (0, 0), count: problem.series.count)
        var c = Score(unscheduled: 0, soft: problem.previousUnknown * problem.movedWeight)
        for s in 0..<n {
            c.unscheduled += problem.priority[s]
            c.soft += problem.unscheduledMovedPenalty(s)
        }
        cost = c
    }

    @inline(__always) func isScheduled(_ s: Int) -> Bool { room[s] >= 0 }

    /// False when each room unscheduled session `s` may use is held in some cell of its time from `cell`
    /// (within the day), so none is free there: a few words a cell, where asking each room reads its cells.
    @inline(__always)
    func someRoomUnheld(_ s: Int, cell: Int) -> Bool {
        let words = problem.roomWords, m = s * words
        let last = min(cell + Int(problem.cellSpan[s]), Int(problem.timeline.segmentEnd[cell]))
        for k in 0..<words {
            var open = problem.roomMask[m + k]
            var c = cell
            while open != 0 && c < last {
                open &= ~heldRooms[c * words + k]
                c += 1
            }
            if open != 0 { return true }
        }
        return false
    }

    @inline(__always) func end(_ s: Int) -> Int { startMinute[s] + problem.duration[s] }

    /// The format checker's overlap of two sessions' minutes (neighbours in start order).
    @inline(__always)
    static func overlap(_ a1: Int, _ b1: Int, _ a2: Int, _ b2: Int) -> Bool {
        (a1, b1) <= (a2, b2) ? b1 > a2 : b2 > a1
    }

    /// Every scheduled session as (session, room, start minute, picked ids), in session order.
    var placements: [(session: Int, room: Int, start: Int, picked: [String])] {
        room.indices.filter { room[$0] >= 0 }.map { ($0, Int(room[$0]), startMinute[$0], picked[$0].map { problem.personIDs[Int($0)] }) }
    }

    /// The soft cost session `s` would carry in room `r` at start index `i`, given `optional` conflicts
    /// and its picked people.
    @inline(__always)
    func placementSoft(_ s: Int, room r: Int32, startIndex i: Int, optional: Int, picks: [Int32] = []) -> Int {
        let t = Int(problem.starts[s][i])
        var soft = Int(problem.startPenalty[s][i]) + problem.movedPenalty(s, room: r, start: t)
            + optional * problem.optionalConflictWeight
        for p in picks { soft += problem.pickSoft(p, t, t + problem.duration[s]) }
        return soft
    }

    /// Places an unscheduled session with its picks; the caller has checked that the spot is free.
    mutating func place(_ s: Int, room r: Int32, startIndex i: Int, picks: [Int32] = []) {
        let t = Int(problem.starts[s][i])
        let optional = personCheck(s, start: t, picks: picks).optional
        cost.unscheduled -= problem.priority[s]
        cost.soft += placementSoft(s, room: r, startIndex: i, optional: optional, picks: picks) - problem.unscheduledMovedPenalty(s)
        room[s] = r
        startIndex[s] = Int32(i)
        startMinute[s] = t
        picked[s] = picks
        let cell = Int(problem.startCells[s][i])
        let base = Int(r) * problem.timeline.cellCount + cell
        for c in base..<(base + problem.heldCells(s, room: Int(r), cell: cell)) { occupant[c] = Int32(s) }
        for c in cell..<(cell + problem.heldCells(s, room: Int(r), cell: cell)) {
            heldRooms[c * problem.roomWords + Int(r) / 64] |= 1 << UInt64(r % 64)
        }
        if problem.hasExclusive {
            for c in cell..<(cell + Int(problem.cellSpan[s])) {
                running[c] += 1
                if problem.exclusive[s] { exclusiveRunning[c] += 1 }
            }
        }
        for m in problem.members[s] { attending[Int(m.person)].append(Problem.Member(person: Int32(s), required: m.required)) }
        for p in picks { attending[Int(p)].append(Problem.Member(person: Int32(s), required: true)) }
        if let k = problem.seriesOf[s]?.series { rescoreSeries(k) }
    }

    /// Takes a scheduled session out.
    mutating func remove(_ s: Int) {
        let r = room[s], i = Int(startIndex[s]), picks = picked[s]
        for m in problem.members[s] { attending[Int(m.person)].removeAll { Int($0.person) == s } }
        for p in picks { attending[Int(p)].removeAll { Int($0.person) == s } }
        let cell = Int(problem.startCells[s][i])
        let base = Int(r) * problem.timeline.cellCount + cell
        for c in base..<(base + problem.heldCells(s, room: Int(r), cell: cell)) where occupant[c] == Int32(s) {
            occupant[c] = -1
            heldRooms[(c - base + cell) * problem.roomWords + Int(r) / 64] &= ~(1 << UInt64(r % 64))
        }
        if problem.hasExclusive {
            for c in cell..<(cell + Int(problem.cellSpan[s])) {
                running[c] -= 1
                if problem.exclusive[s] { exclusiveRunning[c] -= 1 }
            }
        }
        let optional = personCheck(s, start: startMinute[s], picks: picks).optional
        cost.unscheduled += problem.priority[s]
        cost.soft -= placementSoft(s, room: r, startIndex: i, optional: optional, picks: picks) - problem.unscheduledMovedPenalty(s)
        room[s] = -1
        startIndex[s] = -1
        picked[s] = []
        if let k = problem.seriesOf[s]?.series { rescoreSeries(k) }
    }

    /// Recounts one series' broken cadences and sessions off its first one's time, after a change.
    private mutating func rescoreSeries(_ k: Int) {
        let info = problem.series[k]
        var breaks = 0, offTime = 0
        var prev: (date: Int32, minute: Int)?
        var first: Int16?
        for s in info.members where isScheduled(s) {
            let i = Int(startIndex[s])
            let date = problem.startDate[s][i], clock = problem.startClock[s][i]
            if let p = prev, !cadenceHolds(info, from: p.date, p.minute, to: date, startMinute[s]) { breaks += 1 }
            if let f = first { if clock != f { offTime += 1 } } else { first = clock }
            prev = (date, startMinute[s])
        }
        seriesBreaks += breaks - seriesState[k].breaks
        cost.soft += (offTime - seriesState[k].offTime) * problem.seriesTimeWeight
        seriesState[k] = (breaks, offTime)
    }

    /// The series rule between two consecutive scheduled sessions: local dates far enough apart, not
    /// too far, and in order.
    @inline(__always)
    func cadenceHolds(_ info: Problem.SeriesInfo, from date: Int32, _ start: Int, to nextDate: Int32, _ nextStart: Int) -> Bool {
        let gap = Int(nextDate - date)
        return gap >= info.minDays && (info.maxDays.map { gap <= $0 } ?? true) && nextStart >= start
    }
}
