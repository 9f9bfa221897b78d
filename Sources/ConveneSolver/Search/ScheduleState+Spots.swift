/// A free spot for a session, the people it would pick there, and the soft cost it would carry.
struct Spot: Sendable {
    var room: Int32
    var startIndex: Int
    var soft: Int
    var picks: [Int32] = []
}

extension ScheduleState {
    /// What a start allows session `s`, whatever the room: nil when a person, the order, an exclusive
    /// session, the series' cadence or the picks rule it out.
    private func startAllows(_ s: Int, _ i: Int, _ taken: PeopleTaken) -> (optional: Int, picks: [Int32])? {
        let t = Int(problem.starts[s][i]), cell = Int(problem.startCells[s][i])
        let check = taken.check(start: t)
        guard !check.clash, exclusiveAllows(s, cell: cell), cadenceAllows(s, startIndex: i),
              let picks = choosePicks(s, startIndex: i) else { return nil }
        // Picked people add their own optional conflicts; without picks the first check already counted them all.
        return (picks.picks.isEmpty ? check.optional : personCheck(s, start: t, picks: picks.picks).optional, picks.picks)
    }

    /// Where in `s`'s rooms (smallest first) the first one free from `cell` sits, if any.
    @inline(__always)
    private func firstFreeRoom(_ s: Int, cell: Int) -> Int? {
        problem.rooms[s].firstIndex { roomIsFree(s, room: Int($0), cell: cell) }
    }

    /// The first free spot in order of starts, then rooms smallest first: the greedy's choice.
    func firstFreeSpot(_ s: Int) -> Spot? {
        let taken = PeopleTaken(self, s)
        // A scheduled session holds cells itself, which the held rooms' bits do not tell from others';
        // a session without cells would hold none.
        let skipHeld = !isScheduled(s) && problem.cellSpan[s] > 0
        for i in problem.starts[s].indices {
            let cell = Int(problem.startCells[s][i])
            if skipHeld && !someRoomUnheld(s, cell: cell) { continue }
            guard let allowed = startAllows(s, i, taken), let k = firstFreeRoom(s, cell: cell) else { continue }
            let r = problem.rooms[s][k]
            return Spot(room: r, startIndex: i, soft: placementSoft(s, room: r, startIndex: i, optional: allowed.optional, picks: allowed.picks),
                        picks: allowed.picks)
        }
        return nil
    }

    /// The cheapest free spot, ties broken at random; stops early at a spot that costs nothing.
    func bestFreeSpot(_ s: Int, random: inout RandomSource) -> Spot? {
        let starts = problem.starts[s]
        guard !starts.isEmpty else { return nil }
        var best: Spot?
        var ties = 0
        let taken = PeopleTaken(self, s)
        let skipHeld = !isScheduled(s) && problem.cellSpan[s] > 0
        // Start the scan at a random start so equal spots are spread over the days.
        let offset = random.below(starts.count)
        for k in 0..<starts.count {
            let i = (k + offset) % starts.count
            let cell = Int(problem.startCells[s][i])
            if skipHeld && !someRoomUnheld(s, cell: cell) { continue }
            // Each room is asked once per start: the scan goes on from the first free one it found.
            guard let allowed = startAllows(s, i, taken), let first = firstFreeRoom(s, cell: cell) else { continue }
            let rooms = problem.rooms[s]
            for j in first..<rooms.count where j == first || roomIsFree(s, room: Int(rooms[j]), cell: cell) {
                let r = rooms[j]
                let soft = placementSoft(s, room: r, startIndex: i, optional: allowed.optional, picks: allowed.picks)
                if best == nil || soft < best!.soft {
                    best = Spot(room: r, startIndex: i, soft: soft, picks: allowed.picks)
                    ties = 1
                    if soft == 0 && problem.previous[s].isEmpty { return best }
                } else if soft == best!.soft {
                    ties += 1
                    if random.below(ties) == 0 { best = Spot(room: r, startIndex: i, soft: soft, picks: allowed.picks) }
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
            guard problem.rooms[s].contains(p.room), let i = problem.starts[s].firstIndex(of: Int32(p.start)),
                  let spot = spot(s, room: p.room, startIndex: i) else { continue }
            return spot
        }
        return nil
    }
}
