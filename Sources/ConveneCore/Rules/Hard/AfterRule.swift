/// H7: every scheduled session named in `after` ends before this one starts.
package struct AfterRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .afterOrder }
    package var code: String? { "H7" }

    package func breaches(in review: Review) -> [Breach] {
        review.placed.flatMap { p in
            let s = review.facts.sessions[p.session]
            return s.after.compactMap { before -> Breach? in
                guard let b = review.placement(of: before), b.end > p.start else { return nil }
                return Breach(kind, "session \(s.id) starts before \(before) ends", sessions: [before, s.id])
            }
        }
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let first = review.placement(of: b.sessions[0]), let then = review.placement(of: b.sessions[1]) else { return b.text }
        return "\(words.session(b.sessions[1])) starts \(words.time(then.start, review.facts)), "
            + "before \(words.session(b.sessions[0])) ends at \(words.time(first.end, review.facts))"
    }
}
