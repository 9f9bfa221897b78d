/// H7: a session with windows lies wholly inside one of them.
package struct WindowRule: TimeRule, NarrowingRule {
    package init() {}

    package var narrowing: String { "inside its windows" }

    package var kind: Conflict.Kind { .outsideWindows }
    package var code: String? { "H7" }

    package func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool {
        !session.hasWindows || session.windows.contains(start, end)
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session]
        guard s.hasWindows, !s.windows.contains(p.start, p.end) else { return [] }
        return [Breach(kind, "session \(s.id) is outside its windows", sessions: [s.id], rooms: [facts.rooms[p.room].id])]
    }

    package func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String {
        "needs \(session.duration) minutes but none of its windows holds that on the grid of a day"
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]) else { return b.text }
        let w = review.facts.sessions[p.session].windows
        let allowed = zip(w.starts, w.ends).map { words.span($0.0, $0.1, review.facts) }
        return "\(words.session(b.sessions[0])) at \(words.span(p.start, p.end, review.facts)) is outside its allowed times "
            + allowed.joined(separator: ", ")
    }
}
