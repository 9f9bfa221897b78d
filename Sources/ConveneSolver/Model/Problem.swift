import ConveneCore

/// An instance compiled for search: sessions, rooms and people by index, times in
/// whole minutes from the first day's start, and each session's statically fitting
/// rooms and starts worked out once.
///
/// A session's candidates are its fitting rooms × its fitting starts, less the room
/// closures (checked per cell): memory grows with sessions × (rooms + starts), not
/// with their product.
struct Problem: Sendable {
    let instance: Instance
    let origin: Instant
    let timeline: Timeline
    let roomCount: Int
    let sessionCount: Int
    let personIDs: [String]

    let duration: [Int]
    /// Cells a session covers (at least one, so even an empty session holds its room).
    let cellSpan: [Int32]
    let priority: [Int]
    /// Rooms with the seats and features a session needs, smallest first.
    let rooms: [[Int32]]
    /// Starts (minutes) inside a day, on its grid, inside the session's windows, with every required person free.
    let starts: [[Int32]]
    /// The cell each start falls in, parallel to `starts`.
    let startCells: [[Int32]]
    /// Weighted optional-unavailable and preference penalty of each start, parallel to `starts`.
    let startPenalty: [[Int32]]
    /// Person indices and whether each is required, as the session lists them.
    let members: [[Member]]
    /// Sessions that must end before this one starts.
    let after: [[Int32]]
    /// Sessions that must start after this one ends.
    let before: [[Int32]]
    let pinned: [Bool]
    /// The previous schedule's entries for each session: room index (-1 when unknown) and start minute.
    let previous: [[Placement]]
    /// Previous entries naming no session of the instance: always count as moved.
    let previousUnknown: Int
    /// Room closures, one flag per room × cell.
    let roomClosed: [Bool]
    let weights: Instance.Weights
    let sessionIndex: [String: Int]
    let roomIndex: [String: Int]

    struct Member: Sendable, Hashable {
        var person: Int32
        var required: Bool
    }

    struct Placement: Sendable, Hashable {
        var room: Int32
        var start: Int
    }

    init(_ instance: Instance) {
        self.instance = instance
        let origin = instance.days.first?.start ?? Instant(secondsSinceEpoch: 0)
        self.origin = origin
        func m(_ i: Instant) -> Int { i.minutes(since: origin) }
        let timeline = Timeline(instance: instance, origin: origin)
        self.timeline = timeline
        weights = instance.weights
        roomCount = instance.rooms.count

        var roomIndex: [String: Int] = [:]
        for (i, r) in instance.rooms.enumerated() { roomIndex[r.id] = i }
        var personIndex: [String: Int] = [:]
        var personIDs: [String] = []
        var personBusy: [MinuteSet] = []
        for p in instance.people {
            if let i = personIndex[p.id] { personBusy[i] = MinuteSet(p.unavailable.map { (m($0.start), m($0.end)) }); continue }
            personIndex[p.id] = personIDs.count
            personIDs.append(p.id)
            personBusy.append(MinuteSet(p.unavailable.map { (m($0.start), m($0.end)) }))
        }
        var sessionIndex: [String: Int] = [:]
        for (i, s) in instance.sessions.enumerated() where sessionIndex[s.id] == nil { sessionIndex[s.id] = i }

        var closed = [Bool](repeating: false, count: max(1, instance.rooms.count * timeline.cellCount))
        for (r, room) in instance.rooms.enumerated() {
            for u in room.unavailable {
                for cell in timeline.cells(touching: m(u.start), m(u.end)) { closed[r * timeline.cellCount + cell] = true }
            }
        }
        roomClosed = closed

        let n = instance.sessions.count
        sessionCount = n
        var duration = [Int](), span = [Int32](), priority = [Int](), rooms = [[Int32]](), starts = [[Int32]]()
        var startCells = [[Int32]](), startPenalty = [[Int32]](), members = [[Member]](), after = [[Int32]]()
        var before = [[Int32]](repeating: [], count: n), pinned = [Bool](), previous = [[Placement]](repeating: [], count: n)
        let days = instance.days.map { (m($0.start), m($0.end)) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let slot = max(1, instance.slotMinutes)
        let roomsBySize = instance.rooms.indices.sorted { (instance.rooms[$0].capacity, $0) < (instance.rooms[$1].capacity, $1) }

        for (si, s) in instance.sessions.enumerated() {
            duration.append(s.duration)
            span.append(Int32(max(1, (s.duration + timeline.unit - 1) / timeline.unit)))
            priority.append(s.priority)
            var mem: [Member] = []
            var missingRequired = false
            for pid in s.required {
                if let p = personIndex[pid] { mem.append(Member(person: Int32(p), required: true)) } else { missingRequired = true }
            }
            for pid in s.optional {
                if personIndex[pid] == nil {
                    personIndex[pid] = personIDs.count
                    personIDs.append(pid)
                    personBusy.append(MinuteSet([]))
                }
                mem.append(Member(person: Int32(personIndex[pid]!), required: false))
            }
            members.append(mem)
            after.append(s.after.compactMap { sessionIndex[$0].map(Int32.init) })
            for b in s.after { if let bi = sessionIndex[b] { before[bi].append(Int32(si)) } }
            pinned.append(s.fixed != nil)

            var fitRooms: [Int32] = []
            var fitStarts: [Int32] = [], cells: [Int32] = [], penalty: [Int32] = []
            let selfAfter = s.after.contains(s.id) && s.duration > 0
            if let fixed = s.fixed {
                // A pin is honoured even where another rule objects; the checker then names the rule.
                if let r = roomIndex[fixed.room], let cell = timeline.cell(at: m(fixed.start)),
                   cell + Int(span[si]) <= timeline.cellCount {
                    fitRooms = [Int32(r)]
                    fitStarts = [Int32(m(fixed.start))]
                    cells = [Int32(cell)]
                }
            } else if !missingRequired && !selfAfter {
                fitRooms = roomsBySize.filter { r in
                    let room = instance.rooms[r]
                    return room.capacity >= s.audience && s.features.allSatisfy(room.features.contains)
                }.map(Int32.init)
                let windows = MinuteSet(s.windows.map { (m($0.start), m($0.end)) })
                var seen = Set<Int>()
                for (di, day) in days.enumerated() {
                    var t = day.0
                    while t + s.duration <= day.1 {
                        defer { t += slot }
                        // Where days overlap, a start counts on the first day that holds the session.
                        if days[..<di].contains(where: { $0.0 <= t && t + s.duration <= $0.1 }) { continue }
                        if !s.windows.isEmpty && !windows.contains(t, t + s.duration) { continue }
                        if mem.contains(where: { $0.required && personBusy[Int($0.person)].touches(t, t + s.duration) }) { continue }
                        guard seen.insert(t).inserted, let cell = timeline.cell(at: t) else { continue }
                        fitStarts.append(Int32(t))
                        cells.append(Int32(cell))
                    }
                }
            }
            let preferred = MinuteSet(s.preferred.map { (m($0.start), m($0.end)) })
            for t in fitStarts.map(Int.init) {
                let away = mem.filter { !$0.required && personBusy[Int($0.person)].touches(t, t + s.duration) }.count
                let outside = !s.preferred.isEmpty && !preferred.contains(t, t + s.duration) ? 1 : 0
                penalty.append(Int32(away * weights.optionalUnavailable + outside * weights.preference))
            }
            rooms.append(fitRooms)
            starts.append(fitStarts)
            startCells.append(cells)
            startPenalty.append(penalty)
        }
        var unknown = 0
        for p in instance.previous {
            guard let si = sessionIndex[p.session] else { unknown += 1; continue }
            previous[si].append(Placement(room: Int32(roomIndex[p.room] ?? -1), start: m(p.start)))
        }
        self.personIDs = personIDs
        self.duration = duration
        self.cellSpan = span
        self.priority = priority
        self.rooms = rooms
        self.starts = starts
        self.startCells = startCells
        self.startPenalty = startPenalty
        self.members = members
        self.after = after
        self.before = before
        self.pinned = pinned
        self.previous = previous
        self.previousUnknown = unknown
        self.sessionIndex = sessionIndex
        self.roomIndex = roomIndex
    }

    /// The moved penalty of holding session `s` in room `r` at minute `t`.
    @inline(__always)
    func movedPenalty(_ s: Int, room r: Int32, start t: Int) -> Int {
        let prev = previous[s]
        if prev.isEmpty { return 0 }
        var n = 0
        for p in prev where p.room != r || p.start != t { n += 1 }
        return n * weights.moved
    }

    /// The moved penalty of leaving session `s` out.
    func unscheduledMovedPenalty(_ s: Int) -> Int { previous[s].count * weights.moved }

    /// True when room `r` is closed in any of the `span` cells from `cell`.
    @inline(__always)
    func roomIsClosed(_ r: Int, cell: Int, span: Int) -> Bool {
        let base = r * timeline.cellCount + cell
        for c in base..<(base + span) where roomClosed[c] { return true }
        return false
    }
}
