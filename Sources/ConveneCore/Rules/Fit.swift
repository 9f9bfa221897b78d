/// Where a session could go with nothing else scheduled: the rooms and the starts that the
/// rule book's placement rules allow. The search draws its candidates from it, `check` proves
/// with it that a plan can work, and the reasons for unscheduled sessions start from it.
package struct Fit: Sendable {
    /// Rooms every room rule admits, smallest first (ties in the instance's order).
    package var rooms: [Int]
    /// Starts on a day's slot grid that every time rule admits, earliest first.
    package var starts: [Int]

    package init(rooms: [Int], starts: [Int]) {
        self.rooms = rooms
        self.starts = starts
    }
}

/// Why a session fits nowhere, even with nothing else scheduled.
package struct Misfit: Sendable, Hashable {
    /// The rule that closes the last door.
    package var kind: Conflict.Kind
    /// In words, naming what stops it (rooms, people, windows, closures).
    package var text: String
}

extension Facts {
    /// Starts on a day's slot grid where a session of `duration` minutes ends inside the day.
    /// Where days overlap, a start counts once.
    package func gridStarts(_ duration: Int) -> [Int] {
        grid[duration] ?? Self.gridStarts(duration, days: days, slot: slot)
    }

    static func gridStarts(_ duration: Int, days: [(start: Int, end: Int)], slot: Int) -> [Int] {
        let step = max(1, slot)
        var out: [Int] = []
        for (di, day) in days.enumerated() {
            // Days are sorted by start: only those that have not ended by this one's start can hold a session too.
            let earlier = days[..<di].filter { $0.end > day.start }
            var t = day.start
            while t + duration <= day.end {
                // Where days overlap, a start counts on the first day that holds the session.
                if !earlier.contains(where: { $0.start <= t && t + duration <= $0.end }) { out.append(t) }
                t += step
            }
        }
        return out
    }

    /// The grid starts worth asking the time rules about: with windows, only those inside one (found by
    /// binary search, so a session with a week's window in a year of days costs a week).
    package func candidateStarts(_ session: Session) -> [Int] {
        let grid = gridStarts(session.duration)
        guard session.hasWindows else { return grid }
        func first(atLeast t: Int) -> Int {
            var lo = 0, hi = grid.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if grid[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        var out: [Int] = []
        var seen = Set<Int>()
        let ordered = zip(session.windows.starts, session.windows.ends)
        // Grid starts are in day order, which overlapping days can break: then ask about every start.
        guard zip(grid, grid.dropFirst()).allSatisfy({ $0.0 < $0.1 }) else { return grid }
        for (a, b) in ordered {
            var i = first(atLeast: a)
            while i < grid.count, grid[i] + session.duration <= b {
                if seen.insert(grid[i]).inserted { out.append(grid[i]) }
                i += 1
            }
        }
        return out
    }

    /// The rooms and starts a session may have alone. A pinned session has only its pin: the pin
    /// is the organizers' decision, and the rules it breaks are named by the checker, not hidden.
    package func fit(_ s: Int, participants: [String]? = nil) -> Fit {
        let session = sessions[s]
        if let pin = session.fixed {
            guard let r = roomIndex[pin.room],
                  days.contains(where: { $0.start <= pin.start && pin.start + session.duration <= $0.end }) else {
                return Fit(rooms: [], starts: [])
            }
            return Fit(rooms: [r], starts: [pin.start])
        }
        let crew = crew(session, participants: participants)
        if ApartRule.requiredTogether(session, in: self) != nil { return Fit(rooms: [], starts: []) }
        let rooms = self.rooms.indices.filter { r in RuleBook.roomRules.allSatisfy { $0.admits(session, in: self.rooms[r]) } }
            .sorted { (self.rooms[$0].capacity, $0) < (self.rooms[$1].capacity, $1) }
        let starts = candidateStarts(session).filter { t in
            RuleBook.timeRules.allSatisfy { $0.admits(session, crew: crew, start: t, end: t + session.duration, in: self) }
        }
        return Fit(rooms: rooms, starts: starts)
    }

    /// True when every placement rule lets session `s` be in room `r` from `start`.
    package func admits(_ s: Int, room r: Int, start: Int, participants: [String]? = nil) -> Bool {
        let session = sessions[s], room = rooms[r], end = start + session.duration
        let crew = crew(session, participants: participants)
        return RuleBook.roomRules.allSatisfy { $0.admits(session, in: room) }
            && RuleBook.timeRules.allSatisfy { $0.admits(session, crew: crew, start: start, end: end, in: self) }
            && RuleBook.roomTimeRules.allSatisfy { $0.admits(session, in: room, start: start, end: end) }
    }

    /// Why session `s` fits nowhere even alone, naming the rule that closes the last door; nil when
    /// some room is open for it at some start.
    ///
    /// Rooms are judged first, then times (each time rule narrowing what the ones before it left),
    /// then rooms and times together, so the reason names the real cause: closed rooms are never
    /// blamed on a busy speaker.
    package func misfit(_ s: Int) -> Misfit? {
        let session = sessions[s]
        if let pin = session.fixed {
            guard let r = roomIndex[pin.room] else {
                return Misfit(kind: .pinMoved, text: "pinned to room \(pin.room), which the instance does not have")
            }
            guard days.contains(where: { $0.start <= pin.start && pin.start + session.duration <= $0.end }) else {
                return Misfit(kind: .outsideDays, text: "pinned at \(Wording(event: nil).time(pin.start, self)), outside every day")
            }
            for rule in RuleBook.roomTimeRules where !rule.admits(session, in: rooms[r], start: pin.start, end: pin.start + session.duration) {
                return Misfit(kind: rule.kind, text: "pinned to \(pin.room) at \(Wording(event: nil).time(pin.start, self)), where the room is closed")
            }
            return nil
        }
        if rooms.isEmpty { return Misfit(kind: .roomTooSmall, text: "the event has no rooms") }
        if let both = ApartRule.requiredTogether(session, in: self) {
            return Misfit(kind: .apartTogether, text: "requires \(Wording.list(both)), who must be apart")
        }
        let fit = self.fit(s)
        if fit.rooms.isEmpty {
            let needs = RuleBook.roomRules.compactMap { $0.need(session) }
            for rule in RuleBook.roomRules where !rooms.contains(where: { rule.admits(session, in: $0) }) {
                return Misfit(kind: rule.kind, text: rule.refusal(session, rooms: rooms))
            }
            // Together they leave nothing: blame the rule that takes the last room away.
            var left = rooms
            var kind = Conflict.Kind.roomTooSmall
            for rule in RuleBook.roomRules where !left.isEmpty {
                left = left.filter { rule.admits(session, in: $0) }
                kind = rule.kind
            }
            return Misfit(kind: kind, text: "no room \(needs.joined(separator: " and "))")
        }
        let grid = gridStarts(session.duration)
        if grid.isEmpty {
            let rule = OpeningHoursRule()
            return Misfit(kind: rule.kind, text: rule.refusal(session, crew: crew(session), starts: [], in: self))
        }
        if fit.starts.isEmpty {
            let crew = crew(session)
            var left = grid
            var narrowed: [String] = []
            for rule in RuleBook.timeRules {
                let next = left.filter {
                    rule.admits(session, crew: crew, start: $0, end: $0 + session.duration, in: self)
                }
                if next.isEmpty {
                    let alone = !grid.contains {
                        rule.admits(session, crew: crew, start: $0, end: $0 + session.duration, in: self)
                    }
                    let text = rule.refusal(session, crew: crew, starts: alone ? grid : left, in: self)
                    return Misfit(kind: rule.kind, text: alone || narrowed.isEmpty ? text : "\(text), \(narrowed.joined(separator: " and "))")
                }
                if next.count < left.count, let words = (rule as? any NarrowingRule)?.narrowing { narrowed.append(words) }
                left = next
            }
        }
        for r in fit.rooms {
            for t in fit.starts where RuleBook.roomTimeRules.allSatisfy({ $0.admits(session, in: rooms[r], start: t, end: t + session.duration) }) {
                return nil
            }
        }
        let names = fit.rooms.map { rooms[$0].id }
        return Misfit(kind: .roomUnavailable,
                      text: (names.count == 1 ? "its only fitting room, \(names[0]), is" : "every fitting room (\(Wording.list(names))) is")
                          + " closed at every start it could have")
    }
}

/// A time rule that can say how it narrows the starts, for reasons that name several rules.
package protocol NarrowingRule {
    /// E.g. `inside its windows`.
    var narrowing: String { get }
}
