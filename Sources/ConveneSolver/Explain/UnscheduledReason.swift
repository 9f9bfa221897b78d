import ConveneCore

/// The words for why one session has no place, worked out from the rules that block it:
/// first what no schedule could give it (seats, features, time), then what the
/// current schedule holds in its way.
struct UnscheduledReason {
    let problem: Problem
    let state: ScheduleState
    let session: Int

    private var s: Instance.Session { problem.instance.sessions[session] }

    var text: String {
        if let pin = s.fixed { return pinned(pin) }
        if let reason = noRoom() { return reason }
        if let reason = noTime() { return reason }
        return taken()
    }

    /// `2027-02-22 09:00`, in the offset the instant was written with.
    static func clock(_ instant: Instant) -> String {
        let text = instant.iso8601
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    private func at(_ minute: Int) -> String { UnscheduledReason.clock(problem.origin.adding(minutes: minute)) }

    private func names(_ sessions: [Int]) -> String {
        let ids = sessions.prefix(4).map { problem.instance.sessions[$0].id }
        return ids.joined(separator: ", ") + (sessions.count > 4 ? " and \(sessions.count - 4) more" : "")
    }

    private func pinned(_ pin: Instance.Placement) -> String {
        guard let r = problem.roomIndex[pin.room] else { return "pinned to room \(pin.room), which the instance does not have" }
        guard !problem.starts[session].isEmpty else { return "pinned at \(UnscheduledReason.clock(pin.start)), outside every day" }
        let blockers = state.blockers(session, room: r, startIndex: 0) ?? []
        if blockers.isEmpty { return "pinned to \(pin.room) at \(UnscheduledReason.clock(pin.start)), where the room is closed" }
        return "pinned to \(pin.room) at \(UnscheduledReason.clock(pin.start)), where \(names(blockers)) is pinned too"
    }

    private func noRoom() -> String? {
        guard problem.rooms[session].isEmpty else { return nil }
        let rooms = problem.instance.rooms
        let seats = rooms.filter { $0.capacity >= s.audience }
        if seats.isEmpty {
            return "no room seats \(s.audience) (the largest holds \(rooms.map(\.capacity).max() ?? 0))"
        }
        let needs = s.features.joined(separator: " and ")
        if !rooms.contains(where: { r in s.features.allSatisfy(r.features.contains) }) {
            return "no room has \(needs)"
        }
        return "no room with \(needs) seats \(s.audience)"
    }

    private func noTime() -> String? {
        guard problem.starts[session].isEmpty else { return nil }
        if let unknown = s.required.first(where: { id in !problem.instance.people.contains { $0.id == id } }) {
            return "requires \(unknown), who is not among the instance's people"
        }
        if s.after.contains(s.id) { return "must come after itself" }
        let origin = problem.origin
        func m(_ i: Instant) -> Int { i.minutes(since: origin) }
        let slot = max(1, problem.instance.slotMinutes)
        let windows = MinuteSet(s.windows.map { (m($0.start), m($0.end)) })
        var open: [Int] = []
        for day in problem.instance.days {
            var t = m(day.start)
            while t + s.duration <= m(day.end) {
                if s.windows.isEmpty || windows.contains(t, t + s.duration) { open.append(t) }
                t += slot
            }
        }
        if open.isEmpty {
            return s.windows.isEmpty
                ? "needs \(s.duration) minutes but no day is that long"
                : "needs \(s.duration) minutes but none of its windows holds that inside a day"
        }
        let busy = problem.instance.people.filter { s.required.contains($0.id) }.map { p in
            (p.id, MinuteSet(p.unavailable.map { (m($0.start), m($0.end)) }))
        }
        let alone = busy.filter { _, set in open.allSatisfy { set.touches($0, $0 + s.duration) } }.map(\.0)
        if !alone.isEmpty {
            return "\(alone.joined(separator: " and ")) \(alone.count == 1 ? "is" : "are") unavailable at every start it could have"
        }
        return "\(busy.map(\.0).joined(separator: ", ")) are never all available at once for \(s.duration) minutes"
    }

    /// Every statically fitting spot is held by the schedule: say by whom.
    private func taken() -> String {
        let starts = problem.starts[session], rooms = problem.rooms[session]
        var personBlocked = 0
        var byPerson: [Int32: Set<Int>] = [:]
        var fewest: (room: Int32, start: Int, blockers: [Int])?
        for i in starts.indices {
            let t = Int(starts[i]), e = t + s.duration
            var clash = false
            for m in problem.members[session] where m.required {
                for o in state.attending[Int(m.person)] where o.required && Int(o.person) != session {
                    let os = Int(o.person)
                    if ScheduleState.overlap(t, e, state.startMinute[os], state.end(os)) {
                        byPerson[m.person, default: []].insert(os)
                        clash = true
                    }
                }
            }
            if clash { personBlocked += 1 }
            for r in rooms {
                guard let blockers = state.blockers(session, room: Int(r), startIndex: i) else { continue }
                if fewest == nil || blockers.count < fewest!.blockers.count { fewest = (r, t, blockers) }
            }
        }
        var parts: [String] = []
        let roomText = rooms.count == 1 ? "its only fitting room, \(problem.instance.rooms[Int(rooms[0])].id)," : "all \(rooms.count) fitting rooms"
        let verb = rooms.count == 1 ? "is" : "are"
        if personBlocked == starts.count, let (person, sessions) = byPerson.max(by: { $0.value.count < $1.value.count }) {
            let who = problem.personIDs[Int(person)]
            parts.append("\(who) is busy (in \(names(sessions.sorted()))) at every start it could have")
        } else if personBlocked > 0 {
            let who = byPerson.keys.sorted().map { problem.personIDs[Int($0)] }.joined(separator: ", ")
            parts.append("\(who) \(byPerson.count == 1 ? "is" : "are") busy at \(personBlocked) of its \(starts.count) starts "
                         + "and \(roomText) \(verb) taken at the others")
        } else {
            parts.append("needs \(s.duration) minutes but \(roomText) \(verb) taken at every start it could use")
        }
        if let f = fewest, !f.blockers.isEmpty {
            parts.append("the nearest spot, \(problem.instance.rooms[Int(f.room)].id) at \(at(f.start)), is taken by \(names(f.blockers))")
        }
        return parts.joined(separator: "; ")
    }
}
