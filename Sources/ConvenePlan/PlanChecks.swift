import ConveneCore

/// The rules a plan must meet beyond its shape: references, slots, pins and order; the rule book's
/// proofs (`PlanProofs`) follow.
extension PlanReader {
    func check(_ event: Event, _ at: PlanPositions) {
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

        for s in event.sessions {
            let f = at.sessionFields[s.id] ?? [:]
            let node = at.sessions[s.id]!
            if s.duration % event.slotMinutes != 0 {
                error(f["duration"] ?? node, "session '\(s.id)' lasts \(s.duration) minutes, not a whole number of \(event.slotMinutes)-minute slots")
            }
            if let pin = s.pin, rooms[pin.room] == nil {
                error(f["pin"] ?? node, "session '\(s.id)' is pinned to unknown room '\(pin.room)'")
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
        warnAboutSharedAddresses(event, at)
        checkCycles(event, at)
        checkPicks(event, at)
        prove(event, at)
        checkCalendars(event, at)
    }

    /// A person is one id across every event in a store, so one address under two ids is most likely
    /// one person entered twice; it stays a warning, as two people may share an office's address.
    private func warnAboutSharedAddresses(_ event: Event, _ at: PlanPositions) {
        var first: [String: String] = [:]
        for p in event.stakeholders {
            let address = p.email.lowercased()
            guard !address.isEmpty else { continue }
            if let earlier = first[address] {
                guard let node = at.personFields[p.id]?["email"] ?? at.people[p.id] else { continue }
                warning(node, "people '\(earlier)' and '\(p.id)' share the e-mail address \(p.email); "
                    + "one person keeps one id in every event")
            } else {
                first[address] = p.id
            }
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
