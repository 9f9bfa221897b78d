/// One search thread: improves a schedule by moves that are scored by their delta only.
///
/// Moves: reinsert an unscheduled session into a free spot; eject the sessions that
/// hold a spot, take it, and reinsert them elsewhere (a chain, two deep); move a
/// scheduled session to its cheapest free spot; swap two sessions' spots; take out
/// two sessions that clash for someone and reinsert both; move a session back to
/// its previous spot, displacing what is there; lay a whole series out again around one of its
/// sessions the cadence shuts out. A move is kept when the cost does not get worse.
struct LocalSearch: Sendable {
    private(set) var state: ScheduleState
    var random: RandomSource
    private(set) var iterations = 0
    private var journal: [Change] = []
    /// Unscheduled sessions that have somewhere to go, and where each sits in that list.
    private var open: [Int] = []
    private var openIndex: [Int]

    private enum Change {
        case placed(Int)
        case removed(Int, room: Int32, startIndex: Int, picks: [Int32])
    }

    init(state: ScheduleState, random: RandomSource) {
        self.state = state
        self.random = random
        openIndex = [Int](repeating: -1, count: state.problem.sessionCount)
        for s in 0..<state.problem.sessionCount where isOpenCandidate(s) { addOpen(s) }
    }

    private var problem: Problem { state.problem }

    private func isOpenCandidate(_ s: Int) -> Bool {
        !state.isScheduled(s) && !problem.pinned[s] && !problem.starts[s].isEmpty && !problem.rooms[s].isEmpty
    }

    private mutating func addOpen(_ s: Int) {
        guard openIndex[s] < 0 else { return }
        openIndex[s] = open.count
        open.append(s)
    }

    private mutating func dropOpen(_ s: Int) {
        let i = openIndex[s]
        guard i >= 0 else { return }
        let last = open.removeLast()
        if last != s {
            open[i] = last
            openIndex[last] = i
        }
        openIndex[s] = -1
    }

    private mutating func place(_ s: Int, _ spot: Spot) {
        state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks)
        dropOpen(s)
        journal.append(.placed(s))
    }

    private mutating func remove(_ s: Int) {
        journal.append(.removed(s, room: state.room[s], startIndex: Int(state.startIndex[s]), picks: state.picked[s]))
        state.remove(s)
        if isOpenCandidate(s) { addOpen(s) }
    }

    private mutating func undo() {
        while let change = journal.popLast() {
            switch change {
            case .placed(let s):
                state.remove(s)
                if isOpenCandidate(s) { addOpen(s) }
            case .removed(let s, let room, let i, let picks):
                state.place(s, room: room, startIndex: i, picks: picks)
                dropOpen(s)
            }
        }
    }

    /// Runs `count` moves. The cost never rises, so the current schedule is the best seen.
    mutating func run(_ count: Int) {
        for _ in 0..<count {
            iterations += 1
            let before = state.cost, breaks = state.seriesBreaks
            journal.removeAll(keepingCapacity: true)
            if !open.isEmpty && random.below(100) < 60 {
                let s = open[random.below(open.count)]
                if problem.seriesOf[s] != nil && random.below(2) == 0 { relay(s) } else { insert(s) }
            } else {
                let s = random.below(problem.sessionCount), roll = random.below(100)
                if roll < 40 {
                    relocate(s)
                } else if roll < 60 {
                    swap(s)
                } else if roll < 80 {
                    reshuffle(s)
                } else {
                    displace(s)
                }
            }
            // A removal can leave two sessions of a series too far apart: such a move is never kept.
            if state.cost > before || state.seriesBreaks > breaks { undo() }
        }
    }

    private mutating func insert(_ s: Int) {
        if let spot = state.bestFreeSpot(s, random: &random) {
            place(s, spot)
        } else {
            _ = eject(for: s, depth: 1, locked: [s])
        }
    }

    /// Takes every session of `s`'s series out and lays them out again in order, the first at a
    /// random cheapest spot and each next at its earliest spot the cadence allows: a session the
    /// cadence shut out can come back when its neighbours move with it.
    private mutating func relay(_ s: Int) {
        guard let series = problem.seriesOf[s]?.series else { return }
        let members = problem.series[series].members
        guard !members.contains(where: { problem.pinned[$0] }) else { return }
        for m in members where state.isScheduled(m) { remove(m) }
        for (k, m) in members.enumerated() {
            let spot = k == 0 ? state.bestFreeSpot(m, random: &random) : state.firstFreeSpot(m)
            if let spot { place(m, spot) }
        }
    }

    /// Makes room for `s` by taking out the sessions that hold its cheapest spot, then reinserts them.
    private mutating func eject(for s: Int, depth: Int, locked: [Int]) -> Bool {
        let starts = problem.starts[s], rooms = problem.rooms[s]
        guard !starts.isEmpty, !rooms.isEmpty else { return false }
        var chosen: (room: Int32, startIndex: Int, blockers: [Int])?
        var chosenWeight = Int.max, ties = 0
        let samples = min(starts.count * rooms.count, 64)
        for _ in 0..<samples {
            let i = random.below(starts.count), r = rooms[random.below(rooms.count)]
            guard let blockers = state.blockers(s, room: Int(r), startIndex: i),
                  !blockers.contains(where: { problem.pinned[$0] || locked.contains($0) }) else { continue }
            let weight = blockers.reduce(0) { $0 + problem.priority[$1] } * 16 + blockers.count
            if weight < chosenWeight {
                chosen = (r, i, blockers)
                chosenWeight = weight
                ties = 1
            } else if weight == chosenWeight {
                ties += 1
                if random.below(ties) == 0 { chosen = (r, i, blockers) }
            }
        }
        guard let pick = chosen else { return false }
        for b in pick.blockers { remove(b) }
        guard let spot = state.spot(s, room: pick.room, startIndex: pick.startIndex) else { return false }
        place(s, spot)
        var placedAll = true
        for b in pick.blockers {
            if let spot = state.bestFreeSpot(b, random: &random) {
                place(b, spot)
            } else if depth > 0, eject(for: b, depth: depth - 1, locked: locked + [s, b]) {
                continue
            } else {
                placedAll = false
            }
        }
        return placedAll
    }

    /// Moves a scheduled session to its cheapest free spot (its own spot counts).
    private mutating func relocate(_ s: Int) {
        guard state.isScheduled(s), !problem.pinned[s] else { return }
        remove(s)
        if let spot = state.bestFreeSpot(s, random: &random) { place(s, spot) }
    }

    /// Moves a scheduled session into a spot others hold, preferring its spot in the previous
    /// schedule, and reinserts those it displaces.
    private mutating func displace(_ s: Int) {
        guard state.isScheduled(s), !problem.pinned[s] else { return }
        let starts = problem.starts[s], rooms = problem.rooms[s]
        var target: (room: Int32, startIndex: Int)?
        if let home = problem.previous[s].first, home.room >= 0,
           home.room != state.room[s] || home.start != state.startMinute[s],
           rooms.contains(home.room), let i = starts.firstIndex(of: Int32(home.start)) {
            target = (home.room, i)
        } else {
            target = (rooms[random.below(rooms.count)], random.below(starts.count))
        }
        guard let (room, i) = target, room != state.room[s] || i != Int(state.startIndex[s]) else { return }
        remove(s)
        guard let blockers = state.blockers(s, room: Int(room), startIndex: i),
              !blockers.contains(where: { problem.pinned[$0] }), blockers.count <= 3 else { return }
        for b in blockers { remove(b) }
        guard let spot = state.spot(s, room: room, startIndex: i) else { return }
        place(s, spot)
        for b in blockers {
            if let spot = state.bestFreeSpot(b, random: &random) { place(b, spot) }
        }
    }

    /// Exchanges the rooms and starts of two scheduled sessions, preferring one that clashes
    /// with `s` for someone; kept only if both fit where the other was.
    private mutating func swap(_ s: Int) {
        guard state.isScheduled(s), !problem.pinned[s] else { return }
        let o = partner(of: s)
        guard o >= 0, o != s, state.isScheduled(o), !problem.pinned[o] else { return }
        let r1 = state.room[s], r2 = state.room[o]
        let t1 = state.startMinute[s], t2 = state.startMinute[o]
        guard problem.rooms[s].contains(r2), problem.rooms[o].contains(r1),
              let j1 = problem.starts[s].firstIndex(of: Int32(t2)), let j2 = problem.starts[o].firstIndex(of: Int32(t1)) else {
            return
        }
        remove(s)
        remove(o)
        // A failed half leaves a session out, which raises the cost, so the move is undone.
        guard let first = state.spot(s, room: r2, startIndex: j1) else { return }
        place(s, first)
        guard let second = state.spot(o, room: r1, startIndex: j2) else { return }
        place(o, second)
    }

    /// A session that overlaps `s` for one of its people, or any session when none does.
    private mutating func partner(of s: Int) -> Int {
        let t = state.startMinute[s], e = state.end(s)
        var partner = -1, seen = 0
        for m in problem.members[s] {
            for o in state.attending[Int(m.person)] where Int(o.person) != s && !problem.pinned[Int(o.person)] {
                let os = Int(o.person)
                guard ScheduleState.overlap(t, e, state.startMinute[os], state.end(os)) else { continue }
                seen += 1
                if random.below(seen) == 0 { partner = os }
            }
        }
        return partner >= 0 ? partner : random.below(problem.sessionCount)
    }

    /// Takes out a session and one it clashes with for someone, and reinserts both.
    private mutating func reshuffle(_ s: Int) {
        guard state.isScheduled(s), !problem.pinned[s] else { return }
        let partner = partner(of: s)
        guard partner != s, state.isScheduled(partner), !problem.pinned[partner] else { return }
        remove(s)
        remove(partner)
        let first = random.below(2) == 0 ? s : partner, second = first == s ? partner : s
        if let spot = state.bestFreeSpot(first, random: &random) { place(first, spot) }
        if let spot = state.bestFreeSpot(second, random: &random) { place(second, spot) }
    }
}
