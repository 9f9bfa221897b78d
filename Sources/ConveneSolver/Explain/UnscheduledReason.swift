import ConveneCore

/// The words for why one session has no place. First what no schedule could give it (the rule
/// book's misfit: rooms, then times, then rooms and times together); then what the current
/// schedule holds in its way, counted start by start so each cause is named for what it blocks.
///
/// Every claim names what really blocks: a session named at a spot holds that room then, shares a
/// required person then, or is a neighbour whose date the series' cadence does not allow beside it.
struct UnscheduledReason {
    let problem: Problem
    let state: ScheduleState
    let session: Int
    /// Names of people, rooms and sessions, and what keeps a person away (ids without an event).
    var words = Wording(event: nil)

    private var facts: Facts { problem.facts }
    private var s: Facts.Session { facts.sessions[session] }

    var text: String {
        if let unknown = s.required.first(where: { facts.people[$0] == nil }) {
            return "requires \(unknown), who is not among the instance's people"
        }
        if s.fixed == nil, s.after.contains(s.id), s.duration > 0 { return "must come after itself" }
        if let misfit = facts.misfit(session) { return misfit.text }
        if let pin = s.fixed { return pinned(pin) }
        return taken()
    }

    private func at(_ minute: Int) -> String { words.time(minute, facts) }

    private func names(_ sessions: [Int]) -> String { Wording.list(sessions.map { facts.sessions[$0].id }) }

    private func person(_ p: Int32) -> String { words.person(problem.personIDs[Int(p)]) }

    private func pinned(_ pin: (room: String, start: Int)) -> String {
        let blockers = problem.roomIndex[pin.room].flatMap { state.blockers(session, room: $0, startIndex: 0) } ?? []
        return "pinned to \(pin.room) at \(at(pin.start)), where \(names(blockers)) \(blockers.count == 1 ? "is" : "are") pinned too"
    }

    /// What blocks the session at one of its starts.
    private struct Blocked {
        var closed = false
        var declined = false
        var people: [Int32: [Int]] = [:]
        var order: [Int] = []
        var taken = false
        var exclusive = false
        var cadence = false
        var candidates = false
    }

    private func blocked(at i: Int) -> Blocked {
        let starts = problem.starts[session], rooms = problem.rooms[session]
        let t = Int(starts[i]), e = t + s.duration
        let cell = Int(problem.startCells[session][i]), span = Int(problem.cellSpan[session])
        var b = Blocked()
        for (p, others) in state.requiredClashes(session, t, e) { b.people[p, default: []] += others }
        b.order = state.orderClashes(session, t, e)
        let unclosed = rooms.filter { !problem.roomIsClosed(Int($0), cell: cell, span: span) }
        let open = unclosed.filter { !problem.isDeclined(session, room: Int($0), cell: cell) }
        b.closed = unclosed.isEmpty
        b.declined = !unclosed.isEmpty && open.isEmpty
        b.taken = !open.isEmpty && !open.contains { state.roomIsFree(session, room: Int($0), cell: cell) }
        b.exclusive = !state.exclusiveAllows(session, cell: cell)
        b.cadence = !state.cadenceAllows(session, startIndex: i)
        b.candidates = state.choosePicks(session, startIndex: i) == nil
        return b
    }

    /// Every spot that fits the session alone is held by the schedule: say by whom, start by start.
    private func taken() -> String {
        let starts = problem.starts[session], rooms = problem.rooms[session]
        var closedAt = 0, declinedAt = 0, takenAt = 0, orderAt = 0, exclusiveAt = 0, cadenceAt = 0, candidatesAt = 0
        var peopleAt: [Int32: (starts: Int, sessions: Set<Int>)] = [:]
        var orderSessions = Set<Int>()
        for i in starts.indices {
            let b = blocked(at: i)
            if b.closed { closedAt += 1 }
            if b.declined { declinedAt += 1 }
            if b.taken { takenAt += 1 }
            if b.exclusive { exclusiveAt += 1 }
            if b.cadence { cadenceAt += 1 }
            if b.candidates { candidatesAt += 1 }
            if !b.order.isEmpty { orderAt += 1; orderSessions.formUnion(b.order) }
            for (p, list) in b.people {
                peopleAt[p, default: (0, [])].starts += 1
                peopleAt[p]!.sessions.formUnion(list)
            }
        }
        let n = starts.count
        let roomText = rooms.count == 1 ? "its only fitting room, \(facts.rooms[Int(rooms[0])].id)," : "all \(rooms.count) fitting rooms"
        let verb = rooms.count == 1 ? "is" : "are"
        var causes: [(count: Int, words: String)] = []
        for (p, v) in peopleAt.sorted(by: { ($1.value.starts, $0.key) < ($0.value.starts, $1.key) }) {
            causes.append((v.starts, "\(person(p)) is busy (in \(names(v.sessions.sorted())))"))
        }
        if orderAt > 0 { causes.append((orderAt, "its order with \(names(orderSessions.sorted())) does not allow it")) }
        if exclusiveAt > 0 {
            causes.append((exclusiveAt, problem.exclusive[session] ? "other sessions run beside it" : "an exclusive session runs"))
        }
        if cadenceAt > 0 { causes.append((cadenceAt, "its series' cadence does not allow it")) }
        if candidatesAt > 0 { causes.append((candidatesAt, "too few of its candidates are free")) }
        if closedAt > 0 { causes.append((closedAt, "\(roomText) \(verb) closed")) }
        if declinedAt > 0 {
            let who = Set((facts.declines[s.id] ?? []).map(\.person)).filter(s.required.contains).sorted()
            causes.append((declinedAt, "\(Wording.list(who)) declined it there"))
        }
        if takenAt > 0 { causes.append((takenAt, "\(roomText) \(verb) taken")) }

        var parts: [String] = []
        if let whole = causes.first(where: { $0.count == n }) {
            parts.append(whole.words.hasSuffix("taken") && causes.count == 1
                ? "needs \(s.duration) minutes but \(whole.words) at every start it could use"
                : "\(whole.words) at every start it could have")
        } else {
            parts.append("of its \(n) possible starts: " + causes.map { "\($0.words) at \($0.count)" }.joined(separator: ", "))
        }
        parts += away()
        if let nearest = nearestSpot() {
            parts.append("the nearest spot, \(facts.rooms[Int(nearest.room)].id) at \(at(Int(problem.starts[session][nearest.startIndex]))), "
                + held(room: Int(nearest.room), startIndex: nearest.startIndex))
        }
        return parts.joined(separator: "; ")
    }

    /// The required people whose own times (busy, unavailable, outside their hours) take starts away that
    /// the session's days and windows offer: the blockers no schedule can move.
    private func away() -> [String] {
        let offered = facts.candidateStarts(s)
        guard !offered.isEmpty else { return [] }
        var out: [String] = []
        for p in facts.crew(s).participants {
            let out_ = offered.filter { !p.available($0, $0 + s.duration) }
            guard !out_.isEmpty else { continue }
            var why: [String] = []
            for t in out_ { for w in words.blocking(p.id, t, t + s.duration, facts) where !why.contains(w) { why.append(w) } }
            let n = out_.count == offered.count ? "every one of the \(offered.count) starts" : "\(out_.count) of the \(offered.count) starts"
            out.append("\(words.person(p.id)) cannot come at \(n) its days allow" + (why.isEmpty ? "" : " (\(Wording.list(why, limit: 2)))"))
        }
        return out
    }

    /// What holds a spot, each session named for what it holds: the room, a required person, the order,
    /// the exclusive time, or the series' cadence with its date.
    private func held(room r: Int, startIndex i: Int) -> String {
        let cell = Int(problem.startCells[session][i])
        var parts: [String] = []
        var room: [Int] = []
        let base = r * problem.timeline.cellCount + cell
        for c in base..<(base + problem.heldCells(session, room: r, cell: cell)) where state.occupant[c] >= 0 {
            let o = Int(state.occupant[c])
            if o != session && !room.contains(o) { room.append(o) }
        }
        if !room.isEmpty { parts.append("is taken by \(names(room))") }
        let b = blocked(at: i)
        for (p, list) in b.people.sorted(by: { $0.key < $1.key }) {
            parts.append("\(person(p)) is in \(names(list)) then")
        }
        if !b.order.isEmpty { parts.append("its order with \(names(b.order)) does not allow it") }
        if b.exclusive { parts.append(problem.exclusive[session] ? "other sessions run beside it" : "an exclusive session runs then") }
        let far = state.cadenceClashes(session, startIndex: i)
        if !far.isEmpty {
            parts.append("its series' cadence with \(Wording.list(far.map { "\(facts.sessions[$0].id) (\(at(state.startMinute[$0]).prefix(10)))" })) does not allow it")
        }
        if parts.isEmpty && b.candidates { parts.append("too few of its candidates are free") }
        return parts.isEmpty ? "is free" : parts.joined(separator: ", and ")
    }

    /// The open spot held by the fewest sessions; a budget keeps big instances fast.
    private func nearestSpot() -> (room: Int32, startIndex: Int, blockers: [Int])? {
        let starts = problem.starts[session], rooms = problem.rooms[session]
        var fewest: (room: Int32, startIndex: Int, blockers: [Int])?
        var budget = 400
        for i in starts.indices where budget > 0 {
            for r in rooms {
                budget -= 1
                guard let blockers = state.blockers(session, room: Int(r), startIndex: i), !blockers.isEmpty else { continue }
                if fewest == nil || blockers.count < fewest!.blockers.count { fewest = (r, i, blockers) }
                if blockers.count <= 1 { return fewest }
            }
        }
        return fewest
    }
}
