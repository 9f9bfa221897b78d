import ConveneCore

/// An instance compiled for search: sessions, rooms and people by index, times in
/// whole minutes from the first day's start, and each session's fit (the rooms and
/// starts the rule book allows it alone) worked out once.
///
/// A session's candidates are its fitting rooms × its fitting starts, less the room
/// closures (checked per cell): memory grows with sessions × (rooms + starts), not
/// with their product.
struct Problem: Sendable {
    /// The instance as the rule book reads it.
    let facts: Facts
    let instance: Instance
    let origin: Instant
    let timeline: Timeline
    let roomCount: Int
    let sessionCount: Int
    let personIDs: [String]
    /// Each person's facts (busy times, own hours), nil for people the instance does not list.
    let personFacts: [Facts.Person?]

    let duration: [Int]
    /// Cells a session covers (at least one, so even an empty session holds its room).
    let cellSpan: [Int32]
    /// Cells of each room's turnover.
    let turnoverCells: [Int32]
    let priority: [Int]
    /// Rooms the rule book's room rules allow (seats, features), smallest first.
    let rooms: [[Int32]]
    /// `rooms` as bits, `roomWords` words per session: a spot scan skips a start where each of them is held.
    let roomMask: [UInt64]
    let roomWords: Int
    /// Starts (minutes) the rule book's time rules allow: inside a day, on its grid, inside the session's
    /// windows, with every required person free and in their own hours, and enough candidates of each pick group.
    let starts: [[Int32]]
    /// The cell each start falls in, parallel to `starts`.
    let startCells: [[Int32]]
    /// Weighted optional-unavailable, preference and required people's outside-hours penalty of each start,
    /// parallel to `starts`.
    let startPenalty: [[Int32]]
    /// Person indices and whether each is required, as the session lists them.
    let members: [[Member]]
    /// Pick groups: how many to take, and the candidates who may ever be picked (known, and not kept
    /// apart from a required person).
    let picks: [[PickGroup]]
    /// Sessions that must end before this one starts.
    let after: [[Int32]]
    /// Sessions that must start after this one ends.
    let before: [[Int32]]
    let pinned: [Bool]
    let exclusive: [Bool]
    let hasExclusive: Bool
    /// For each person index, the apart sets they belong to.
    let apartOf: [[Int32]]
    /// Series: member sessions in order, and the allowed days between consecutive ones.
    let series: [SeriesInfo]
    /// The series of each session and its place among the series' known members.
    let seriesOf: [(series: Int, position: Int)?]
    /// For series sessions, the local date (days since 1970) and wall-clock minute of each start; empty otherwise.
    let startDate: [[Int32]]
    let startClock: [[Int16]]
    /// The previous schedule's entries for each session: room index (-1 when unknown) and start minute.
    let previous: [[Placement]]
    /// Previous entries naming no session of the instance: always count as moved.
    let previousUnknown: Int
    /// For each session, the person indices the previous schedule picked for it: among candidates
    /// who cost the same, they are picked again, so a repair does not change who is invited.
    let previousPicks: [Set<Int32>]
    /// Spots a required person declined, by session: the search's form of the rule book's `DeclineRule`.
    let declined: [[Declined]]
    /// Whether any session has a declined spot: the search's room check skips the lookup when none has.
    let anyDeclined: Bool
    /// Room closures as, per room × cell, how many cells from it on the room stays open (0 where it is closed):
    /// the search's form of the rule book's `RoomClosedRule`, answering for a whole span in one lookup.
    let openCells: [Int32]
    let weights: Instance.Weights
    /// The weights of the soft terms the search scores by delta.
    let movedWeight: Int
    let optionalConflictWeight: Int
    let outsideHoursWeight: Int
    let seriesTimeWeight: Int
    let ifNeedBeWeight: Int
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

    /// A declined room (-1: any) and start cell (-1: any).
    struct Declined: Sendable, Hashable {
        var room: Int32
        var cell: Int32
    }

    struct PickGroup: Sendable, Hashable {
        var count: Int
        var candidates: [Int32]
    }

    struct SeriesInfo: Sendable, Hashable {
        var members: [Int]
        var minDays: Int
        var maxDays: Int?
    }

    init(_ instance: Instance) {
        self.init(Facts(instance))
    }

    init(_ facts: Facts) {
        self.facts = facts
        let instance = facts.instance
        self.instance = instance
        let origin = facts.origin
        self.origin = origin
        let timeline = Timeline(instance: instance, origin: origin)
        self.timeline = timeline
        weights = instance.weights
        movedWeight = weights[MovedTerm().name]
        optionalConflictWeight = weights[OptionalConflictTerm().name]
        outsideHoursWeight = weights[OutsideHoursTerm().name]
        seriesTimeWeight = weights[SeriesTimeTerm().name]
        ifNeedBeWeight = weights[IfNeedBeTerm().name]
        roomCount = facts.rooms.count
        sessionIndex = facts.sessionIndex
        roomIndex = facts.roomIndex
        turnoverCells = facts.rooms.map { Int32(($0.turnover + timeline.unit - 1) / timeline.unit) }

        var personIndex: [String: Int] = [:]
        var personIDs: [String] = []
        func person(_ id: String) -> Int32 {
            if let i = personIndex[id] { return Int32(i) }
            personIndex[id] = personIDs.count
            personIDs.append(id)
            return Int32(personIDs.count - 1)
        }

        var closed = [Bool](repeating: false, count: max(1, facts.rooms.count * timeline.cellCount))
        for (r, room) in facts.rooms.enumerated() {
            for (a, b) in zip(room.closed.starts, room.closed.ends) {
                for cell in timeline.cells(touching: a, b) { closed[r * timeline.cellCount + cell] = true }
            }
        }
        var open = [Int32](repeating: 0, count: closed.count)
        for r in 0..<facts.rooms.count {
            var run: Int32 = 0
            for c in stride(from: (r + 1) * timeline.cellCount - 1, through: r * timeline.cellCount, by: -1) {
                run = closed[c] ? 0 : run + 1
                open[c] = run
            }
        }
        openCells = open

        var seriesOf = [(series: Int, position: Int)?](repeating: nil, count: facts.sessions.count)
        var series: [SeriesInfo] = []
        for s in facts.series {
            var members: [Int] = []
            for id in s.sessions {
                guard let i = facts.sessionIndex[id], seriesOf[i] == nil else { continue }
                seriesOf[i] = (series.count, members.count)
                members.append(i)
            }
            series.append(SeriesInfo(members: members, minDays: s.minDaysApart, maxDays: s.maxDaysApart))
        }
        self.series = series
        self.seriesOf = seriesOf

        let n = facts.sessions.count
        sessionCount = n
        var duration = [Int](), span = [Int32](), priority = [Int](), rooms = [[Int32]](), starts = [[Int32]]()
        var startCells = [[Int32]](), startPenalty = [[Int32]](), members = [[Member]](), after = [[Int32]]()
        var picks = [[PickGroup]](), startDate = [[Int32]](), startClock = [[Int16]]()
        var before = [[Int32]](repeating: [], count: n), pinned = [Bool](), previous = [[Placement]](repeating: [], count: n)
        let optionalUnavailable = OptionalUnavailableTerm(), preference = PreferenceTerm(), outsideHours = OutsideHoursTerm()
        let ifNeedBe = IfNeedBeTerm()
        let wAway = weights[optionalUnavailable.name], wOutside = weights[preference.name]

        for (si, s) in facts.sessions.enumerated() {
            duration.append(s.duration)
            let cells = max(1, (s.duration + timeline.unit - 1) / timeline.unit)
            span.append(Int32(cells))
            priority.append(s.priority)
            members.append(s.required.map { Member(person: person($0), required: true) }
                + s.optional.map { Member(person: person($0), required: false) })
            picks.append(s.pick.map { g in
                PickGroup(count: g.count, candidates: g.from.filter { c in
                    facts.people[c] != nil && !(facts.apartSets[c] ?? []).contains { set in
                        s.required.contains { $0 != c && facts.apart[set].contains($0) }
                    }
                }.map(person))
            })
            after.append(s.after.compactMap { facts.sessionIndex[$0].map(Int32.init) })
            for b in s.after { if let bi = facts.sessionIndex[b] { before[bi].append(Int32(si)) } }
            pinned.append(s.fixed != nil)

            // A required person the instance does not know makes any placement unfit, as does
            // having to come after oneself: the session has nowhere to go.
            let unknownPerson = s.required.contains { facts.people[$0] == nil }
            let selfAfter = s.after.contains(s.id) && s.duration > 0 && s.fixed == nil
            let fit = unknownPerson || selfAfter ? Fit(rooms: [], starts: []) : facts.fit(si)
            var fitStarts: [Int32] = [], fitCells: [Int32] = [], penalty: [Int32] = []
            var dates: [Int32] = [], clocks: [Int16] = []
            let crew = facts.crew(s)
            for t in fit.starts {
                guard let cell = timeline.cell(at: t), cell + cells <= timeline.cellCount else { continue }
                fitStarts.append(Int32(t))
                fitCells.append(Int32(cell))
                let end = t + s.duration
                penalty.append(Int32(optionalUnavailable.count(crew, start: t, end: end) * wAway
                    + preference.count(s, start: t, end: end) * wOutside
                    + outsideHours.count(crew, start: t, end: end) * outsideHoursWeight
                    + ifNeedBe.count(crew, start: t, end: end) * ifNeedBeWeight))
                if seriesOf[si] != nil {
                    dates.append(Int32(facts.clock.date(t).daysSinceEpoch))
                    clocks.append(Int16(facts.clock.timeOfDay(t)))
                }
            }
            rooms.append(fit.rooms.map(Int32.init))
            starts.append(fitStarts)
            startCells.append(fitCells)
            startPenalty.append(penalty)
            startDate.append(dates)
            startClock.append(clocks)
        }
        var unknown = 0
        var previousPicks = [Set<Int32>](repeating: [], count: n)
        for p in instance.previous {
            guard let si = facts.sessionIndex[p.session] else { unknown += 1; continue }
            previous[si].append(Placement(room: Int32(facts.roomIndex[p.room] ?? -1), start: facts.minutes(p.start)))
            previousPicks[si].formUnion(p.picked.compactMap { personIndex[$0].map(Int32.init) })
        }
        declined = facts.sessions.map { s in
            (facts.declines[s.id] ?? []).compactMap { d -> Declined? in
                guard s.required.contains(d.person) else { return nil }
                var cell: Int32 = -1
                if let t = d.start {
                    // A start off the cells is no start of the session's fit: the decline holds nowhere it can go.
                    guard let c = timeline.cell(at: t), timeline.minute(ofCell: c) == t else { return nil }
                    cell = Int32(c)
                }
                if d.room == -1 { return nil }
                return Declined(room: Int32(d.room ?? -1), cell: cell)
            }
        }
        anyDeclined = declined.contains { !$0.isEmpty }
        var apartOf = [[Int32]](repeating: [], count: personIDs.count)
        for (i, set) in facts.apart.enumerated() {
            for p in set { if let pi = personIndex[p] { apartOf[pi].append(Int32(i)) } }
        }
        self.apartOf = apartOf
        self.personIDs = personIDs
        personFacts = personIDs.map { facts.people[$0] }
        self.duration = duration
        self.cellSpan = span
        self.priority = priority
        self.rooms = rooms
        let words = (facts.rooms.count + 63) / 64
        var mask = [UInt64](repeating: 0, count: max(1, rooms.count * words))
        for (s, list) in rooms.enumerated() {
            for r in list { mask[s * words + Int(r) / 64] |= 1 << UInt64(r % 64) }
        }
        roomWords = words
        roomMask = mask
        self.starts = starts
        self.startCells = startCells
        self.startPenalty = startPenalty
        self.members = members
        self.picks = picks
        self.after = after
        self.before = before
        self.pinned = pinned
        exclusive = facts.sessions.map(\.exclusive)
        hasExclusive = exclusive.contains(true)
        self.startDate = startDate
        self.startClock = startClock
        self.previous = previous
        self.previousUnknown = unknown
        self.previousPicks = previousPicks
    }

    /// The moved penalty of holding session `s` in room `r` at minute `t`.
    @inline(__always)
    func movedPenalty(_ s: Int, room r: Int32, start t: Int) -> Int {
        let prev = previous[s]
        if prev.isEmpty { return 0 }
        var n = 0
        for p in prev where p.room != r || p.start != t { n += 1 }
        return n * movedWeight
    }

    /// The moved penalty of leaving session `s` out.
    func unscheduledMovedPenalty(_ s: Int) -> Int { previous[s].count * movedWeight }

    /// Cells session `s` holds in room `r` from `cell`: its own and the room's turnover after it, within its day.
    @inline(__always)
    func heldCells(_ s: Int, room r: Int, cell: Int) -> Int {
        min(Int(cellSpan[s] + turnoverCells[r]), Int(timeline.segmentEnd[cell]) - cell)
    }

    /// True when no room the session may use is open at any start it may have: it fits nowhere, even alone.
    func fitsNowhere(_ s: Int) -> Bool {
        let span = Int(cellSpan[s])
        for r in rooms[s] {
            for cell in startCells[s] where !roomIsClosed(Int(r), cell: Int(cell), span: span) && !isDeclined(s, room: Int(r), cell: Int(cell)) {
                return false
            }
        }
        return true
    }

    /// True when a required person of session `s` declined it in room `r` from `cell`.
    @inline(__always)
    func isDeclined(_ s: Int, room r: Int, cell: Int) -> Bool {
        let spots = declined[s]
        if spots.isEmpty { return false }
        return spots.contains { ($0.room < 0 || Int($0.room) == r) && ($0.cell < 0 || Int($0.cell) == cell) }
    }

    /// True when room `r` is closed in any of the `span` cells from `cell`.
    @inline(__always)
    func roomIsClosed(_ r: Int, cell: Int, span: Int) -> Bool {
        Int(openCells[r * timeline.cellCount + cell]) < span
    }

    /// True when person `p` is free of their own busy times and inside their acceptable hours over `[t, e)`.
    @inline(__always)
    func available(_ p: Int32, _ t: Int, _ e: Int) -> Bool {
        guard let f = personFacts[Int(p)] else { return false }
        return !f.busy.touches(t, e) && (f.hours?.acceptable(t, e) ?? true)
    }

    /// 1 when person `p` has preferred hours and `[t, e)` is not inside them.
    @inline(__always)
    func outsidePreferred(_ p: Int32, _ t: Int, _ e: Int) -> Int {
        personFacts[Int(p)]?.hours?.preferred(t, e) == false ? 1 : 0
    }

    /// The weighted soft cost of picking person `p` over `[t, e)`: outside their preferred hours,
    /// or in times they marked "if need be".
    @inline(__always)
    func pickSoft(_ p: Int32, _ t: Int, _ e: Int) -> Int {
        outsidePreferred(p, t, e) * outsideHoursWeight
            + (personFacts[Int(p)]?.ifNeedBe.touches(t, e) == true ? ifNeedBeWeight : 0)
    }
}
