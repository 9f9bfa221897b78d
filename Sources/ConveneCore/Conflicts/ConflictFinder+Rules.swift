// One hard rule a function; each returns the conflicts of one placed session
// (or of all of them, for rules between sessions).
extension ConflictFinder {
    func openingHours(_ p: Placed) -> [Conflict] {
        let inside = event.days.contains { $0.hours.contains(p.interval) }
        guard !inside else { return [] }
        return [Conflict(kind: .outsideDays, sessions: [p.session.id], rooms: [p.assignment.room],
                         reason: "\(text.session(p.session.id)) at \(text.span(p.interval)) is outside the event's opening hours")]
    }

    func room(_ p: Placed) -> [Conflict] {
        let id = p.assignment.room, s = p.session
        guard let room = event.room(id) else {
            return [Conflict(kind: .roomUnavailable, sessions: [s.id], rooms: [id],
                             reason: "\(text.session(s.id)) is in room '\(id)', which the plan no longer lists")]
        }
        var out: [Conflict] = []
        if room.capacity < s.audience {
            out.append(Conflict(kind: .roomTooSmall, sessions: [s.id], rooms: [id],
                                reason: "\(text.room(id)) seats \(room.capacity), but \(text.session(s.id)) expects \(s.audience)"))
        }
        let missing = s.features.filter { !room.features.contains($0) }
        if !missing.isEmpty {
            out.append(Conflict(kind: .missingFeature, sessions: [s.id], rooms: [id],
                                reason: "\(text.room(id)) has no \(missing.joined(separator: ", ")), which \(text.session(s.id)) needs"))
        }
        for closure in room.closures where closure.overlaps(p.interval) {
            out.append(Conflict(kind: .roomUnavailable, sessions: [s.id], rooms: [id],
                                reason: "\(text.room(id)) is closed \(text.span(closure)), during \(text.session(s.id))"))
        }
        return out
    }

    func unavailable(_ p: Placed) -> [Conflict] {
        var out: [Conflict] = []
        for id in p.session.required {
            guard let person = event.stakeholder(id) else { continue }
            for gap in person.unavailable where gap.overlaps(p.interval) {
                out.append(Conflict(kind: .personUnavailable, sessions: [p.session.id], people: [id],
                                    reason: "\(person.name) is unavailable \(text.span(gap)) (in the plan), during \(text.session(p.session.id))"))
            }
            for b in busy[id] ?? [] where b.strength == .busy && b.interval.overlaps(p.interval) {
                let what = b.summary.map { "'\($0)'" } ?? "an entry"
                // The file name says which calendar; the folder it was read from does not help.
                let from = b.source.map { " from \($0.split(separator: "/").last.map(String.init) ?? $0)" } ?? ""
                out.append(Conflict(kind: .personUnavailable, sessions: [p.session.id], people: [id],
                                    reason: "\(person.name) is busy: \(what)\(from), \(text.span(b.interval)), during \(text.session(p.session.id))"))
            }
        }
        return out
    }

    func windows(_ p: Placed) -> [Conflict] {
        let w = p.session.windows
        guard !w.isEmpty, !w.contains(where: { $0.contains(p.interval) }) else { return [] }
        return [Conflict(kind: .outsideWindows, sessions: [p.session.id],
                         reason: "\(text.session(p.session.id)) at \(text.span(p.interval)) is outside its allowed times "
                             + w.map(text.span).joined(separator: ", "))]
    }

    func pin(_ p: Placed) -> [Conflict] {
        guard let pin = p.session.pin, pin.room != p.assignment.room || pin.start != p.assignment.start else { return [] }
        return [Conflict(kind: .pinMoved, sessions: [p.session.id], rooms: [pin.room],
                         reason: "\(text.session(p.session.id)) is pinned to \(text.room(pin.room)) at \(text.time(pin.start)), "
                             + "but is in \(text.room(p.assignment.room)) at \(text.time(p.assignment.start))")]
    }

    func declined(_ p: Placed) -> [Conflict] {
        declines.filter { $0.session == p.session.id && p.session.required.contains($0.person) }.map {
            Conflict(kind: .declined, sessions: [p.session.id], people: [$0.person],
                     reason: "\(text.person($0.person)) declined \(text.session(p.session.id)), where they are required")
        }
    }

    func composition(_ p: Placed) -> [Conflict] {
        let declined = Set(declines.filter { $0.session == p.session.id }.map(\.person))
        let present = p.session.required.filter { !declined.contains($0) }.compactMap(event.stakeholder)
        return p.session.composition.compactMap { rule in
            let missing = rule.missingGroups(among: present)
            guard !missing.isEmpty else { return nil }
            return Conflict(kind: .composition, sessions: [p.session.id],
                            reason: "\(text.session(p.session.id)) has no attending participant from "
                                + missing.map(\.rawValue).joined(separator: ", "))
        }
    }

    func roomOverlaps(_ placed: [Placed]) -> [Conflict] {
        var out: [Conflict] = []
        for (i, a) in placed.enumerated() {
            for b in placed[(i + 1)...] where a.assignment.room == b.assignment.room && a.interval.overlaps(b.interval) {
                out.append(Conflict(kind: .roomDoubleBooked, sessions: [a.session.id, b.session.id], rooms: [a.assignment.room],
                                    reason: "\(text.room(a.assignment.room)) holds both \(text.session(a.session.id)) "
                                        + "and \(text.session(b.session.id)) at \(text.span(overlap(a, b)))"))
            }
        }
        return out
    }

    func personOverlaps(_ placed: [Placed]) -> [Conflict] {
        var out: [Conflict] = []
        for (i, a) in placed.enumerated() {
            for b in placed[(i + 1)...] where a.interval.overlaps(b.interval) {
                for id in a.session.required where b.session.required.contains(id) {
                    out.append(Conflict(kind: .personDoubleBooked, sessions: [a.session.id, b.session.id], people: [id],
                                        reason: "\(text.person(id)) is required in both \(text.session(a.session.id)) "
                                            + "and \(text.session(b.session.id)) at \(text.span(overlap(a, b)))"))
                }
            }
        }
        return out
    }

    func afterOrder(_ placed: [Placed]) -> [Conflict] {
        let byId = Dictionary(placed.map { ($0.session.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Conflict] = []
        for p in placed {
            for before in p.session.after {
                guard let b = byId[before], b.interval.end > p.interval.start else { continue }
                out.append(Conflict(kind: .afterOrder, sessions: [p.session.id, before],
                                    reason: "\(text.session(p.session.id)) starts \(text.time(p.interval.start)), "
                                        + "before \(text.session(before)) ends at \(text.time(b.interval.end))"))
            }
        }
        return out
    }

    private func overlap(_ a: Placed, _ b: Placed) -> Interval {
        Interval(start: max(a.interval.start, b.interval.start), end: min(a.interval.end, b.interval.end))
    }
}
