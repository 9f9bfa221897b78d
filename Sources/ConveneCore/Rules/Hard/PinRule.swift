/// H7: a pinned session is scheduled exactly where it is pinned.
package struct PinRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .pinMoved }
    package var code: String? { "H7" }

    package func breaches(in review: Review) -> [Breach] {
        let facts = review.facts
        var out: [Breach] = []
        for p in review.placed {
            let s = facts.sessions[p.session]
            guard let fixed = s.fixed, fixed.room != facts.rooms[p.room].id || fixed.start != p.start else { continue }
            out.append(Breach(kind, "pinned session \(s.id) was moved", sessions: [s.id], rooms: [fixed.room, facts.rooms[p.room].id]))
        }
        for i in review.unscheduled {
            let s = facts.sessions[i]
            guard let fixed = s.fixed else { continue }
            out.append(Breach(kind, "pinned session \(s.id) is unscheduled", sessions: [s.id], rooms: [fixed.room]))
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        let facts = review.facts
        guard let s = facts.session(b.sessions[0]), let fixed = s.fixed else { return b.text }
        let pinned = "\(words.session(s.id)) is pinned to \(words.room(fixed.room)) at \(words.time(fixed.start, facts))"
        guard let p = review.placement(of: s.id) else { return "\(pinned), but is not scheduled" }
        return "\(pinned), but is in \(words.room(facts.rooms[p.room].id)) at \(words.time(p.start, facts))"
    }
}
