/// H9: while an exclusive session runs, no other session runs, in any room.
package struct ExclusiveRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .exclusiveClash }
    package var code: String? { "H9" }

    package func breaches(in review: Review) -> [Breach] {
        let facts = review.facts
        guard facts.sessions.contains(where: \.exclusive) else { return [] }
        let timeline = review.placed.sorted { ($0.start, $0.end, facts.sessions[$0.session].id) < ($1.start, $1.end, facts.sessions[$1.session].id) }
        var out: [Breach] = []
        for p in review.placed where facts.sessions[p.session].exclusive {
            let id = facts.sessions[p.session].id
            for o in timeline {
                guard o.start < p.end else { break }
                let other = facts.sessions[o.session]
                // Two exclusive sessions that overlap are named once.
                guard o.session != p.session, p.start < o.end, !(other.exclusive && codePointLess(other.id, id)) else { continue }
                out.append(Breach(kind, "session \(other.id) runs during exclusive session \(id)", sessions: [id, other.id]))
            }
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let x = review.placement(of: b.sessions[0]), let y = review.placement(of: b.sessions[1]) else { return b.text }
        return "\(words.session(b.sessions[1])) runs at \(words.span(max(x.start, y.start), min(x.end, y.end), review.facts)), "
            + "during \(words.session(b.sessions[0])), which nothing may run beside"
    }
}
