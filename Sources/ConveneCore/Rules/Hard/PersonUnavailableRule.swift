/// H6 for people: every required person is available at every moment of the session.
package struct PersonUnavailableRule: TimeRule, NarrowingRule {
    package init() {}

    package var narrowing: String { "when its required people are free" }

    package var kind: Conflict.Kind { .personUnavailable }
    package var code: String? { "H6" }

    package func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool {
        !crew.participants.contains { $0.busy.touches(start, end) }
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let id = facts.sessions[p.session].id, room = facts.rooms[p.room].id
        return p.participants.compactMap { pid in
            guard facts.people[pid]?.busy.touches(p.start, p.end) == true else { return nil }
            return Breach(kind, "required person \(pid) is unavailable during session \(id)",
                          sessions: [id], people: [pid], rooms: [room])
        }
    }

    package func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String {
        let busy = crew.participants.map { ($0.id, $0.busy) }
        let alone = busy.filter { _, set in starts.allSatisfy { set.touches($0, $0 + session.duration) } }.map(\.0)
        if !alone.isEmpty {
            return "\(Wording.list(alone)) \(alone.count == 1 ? "is" : "are") unavailable at every start it could have"
        }
        return "\(Wording.list(busy.map(\.0))) are never all available at once for \(session.duration) minutes"
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]) else { return b.text }
        let who = words.person(b.people[0]), what = words.session(b.sessions[0])
        let blocking = words.blocking(b.people[0], p.start, p.end, review.facts)
        guard !blocking.isEmpty else {
            return "\(who) is unavailable \(words.span(p.start, p.end, review.facts)), during \(what)"
        }
        return "\(who) is \(blocking.joined(separator: "; ")), during \(what)"
    }
}
