import ConveneCore

/// The rules a plan must meet beyond its shape: references, sizes, time and order.
extension PlanReader {
    func check(_ event: Event, _ at: PlanPositions) {
        let people = Dictionary(uniqueKeysWithValues: event.stakeholders.map { ($0.id, $0) })
        let rooms = Dictionary(uniqueKeysWithValues: event.rooms.map { ($0.id, $0) })
        let sessionIDs = Set(at.sessions.keys)

        for ref in at.references {
            switch ref.field {
            case "after" where !sessionIDs.contains(ref.id):
                error(ref.node, "session '\(ref.session)' comes after unknown session '\(ref.id)'")
            case "required", "optional":
                if at.people[ref.id] == nil {
                    error(ref.node, "session '\(ref.session)' names unknown person '\(ref.id)' as \(ref.field)")
                }
            default: break
            }
        }

        let longestDay = event.days.map(\.hours.minutes).max() ?? 0
        let biggest = event.rooms.map(\.capacity).max() ?? 0
        let allFeatures = Set(event.rooms.flatMap(\.features))
        for s in event.sessions {
            let f = at.sessionFields[s.id] ?? [:]
            let node = at.sessions[s.id]!
            if s.duration % event.slotMinutes != 0 {
                error(f["duration"] ?? node, "session '\(s.id)' lasts \(s.duration) minutes, not a whole number of \(event.slotMinutes)-minute slots")
            }
            if !event.days.isEmpty, s.duration > longestDay {
                error(f["duration"] ?? node, "session '\(s.id)' lasts \(s.duration) minutes but the longest day is open \(longestDay) minutes")
            }
            if !event.rooms.isEmpty, s.audience > biggest {
                error(f["audience"] ?? node, "session '\(s.id)' expects \(s.audience) people but the largest room seats \(biggest)")
            }
            let missing = s.features.filter { !allFeatures.contains($0) }
            if !missing.isEmpty {
                error(f["features"] ?? node, "session '\(s.id)' needs \(missing.joined(separator: ", ")), which no room has")
            } else if s.audience <= biggest,
                      !event.rooms.contains(where: { $0.capacity >= s.audience && Set(s.features).isSubset(of: $0.features) }) {
                error(f["features"] ?? node, "no room with \(s.features.joined(separator: ", ")) seats \(s.audience) for session '\(s.id)'")
            }
            if let rule = f["composition"] {
                let participants = s.required.compactMap { people[$0] }
                for r in s.composition {
                    let lacking = r.missingGroups(among: participants)
                    if !lacking.isEmpty {
                        error(rule, "session '\(s.id)' must include a required participant from each of \(r.groups.map(\.rawValue).joined(separator: ", ")); none is from \(lacking.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            }
            if let pin = s.pin {
                checkPin(pin, of: s, in: event, rooms: rooms, node: f["pin"] ?? node)
            }
            for (field, list) in [("windows", s.windows), ("preferred", s.preferred)] where !event.days.isEmpty {
                for w in list where !event.days.contains(where: { $0.hours.overlaps(w) }) {
                    error(f[field] ?? node, "a \(field == "windows" ? "window" : "preferred time") of session '\(s.id)' falls on no day of the event")
                }
            }
            if Set(s.required).count != s.required.count {
                error(f["required"] ?? node, "session '\(s.id)' names a required person twice")
            }
        }
        for p in event.stakeholders {
            let f = at.personFields[p.id] ?? [:]
            if let n = f["unavailable"], p.unavailable.contains(where: { $0.start >= $0.end }) {
                error(n, "an unavailable period of '\(p.id)' is empty")
            }
        }
        checkCycles(event, at)
    }

    private func checkPin(_ pin: Session.Pin, of s: Session, in event: Event, rooms: [String: Room], node: PlanNode) {
        guard let room = rooms[pin.room] else {
            error(node, "session '\(s.id)' is pinned to unknown room '\(pin.room)'")
            return
        }
        let span = Interval(start: pin.start, end: pin.start.adding(minutes: s.duration))
        guard let day = event.days.first(where: { $0.hours.contains(span) }) else {
            error(node, "session '\(s.id)' is pinned at \(zone.local(pin.start).iso8601.prefix(16)), outside the event's days and opening hours")
            return
        }
        if pin.start.minutes(since: day.opens) % event.slotMinutes != 0 {
            error(node, "session '\(s.id)' is pinned off the \(event.slotMinutes)-minute grid")
        }
        if room.capacity < s.audience {
            error(node, "session '\(s.id)' expects \(s.audience) people but pinned room '\(room.id)' seats \(room.capacity)")
        }
        let lacking = s.features.filter { !room.features.contains($0) }
        if !lacking.isEmpty {
            error(node, "session '\(s.id)' is pinned to room '\(room.id)', which lacks \(lacking.joined(separator: ", "))")
        }
    }

    /// Reports each `after` cycle once, at the session where it is found.
    private func checkCycles(_ event: Event, _ at: PlanPositions) {
        let after = Dictionary(uniqueKeysWithValues: event.sessions.map { ($0.id, $0.after.filter { at.sessions[$0] != nil }) })
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var stack: [String] = []
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            for next in after[id] ?? [] {
                if state[next] == 1 {
                    let cycle = stack[stack.lastIndex(of: next)!...] + [next]
                    let node = at.sessionFields[id]?["after"] ?? at.sessions[id]!
                    error(node, "'after' forms a cycle: \(cycle.joined(separator: " → ")) (each must end before the next starts)")
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for s in event.sessions where state[s.id] == nil { visit(s.id) }
    }
}
