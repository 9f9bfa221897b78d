/// H8: every required or picked person with acceptable hours has the whole session inside them,
/// on the local date the session starts, on their own clock.
package struct PersonHoursRule: TimeRule, NarrowingRule {
    package init() {}

    package var narrowing: String { "inside its people's own hours" }
    package var kind: Conflict.Kind { .outsideHours }
    package var code: String? { "H8" }

    package func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool {
        crew.participants.allSatisfy { $0.hours?.acceptable(start, end) ?? true }
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let id = facts.sessions[p.session].id
        return p.participants.compactMap { pid in
            guard facts.people[pid]?.hours?.acceptable(p.start, p.end) == false else { return nil }
            return Breach(kind, "session \(id) is outside the acceptable hours of \(pid)", sessions: [id], people: [pid],
                          rooms: [facts.rooms[p.room].id])
        }
    }

    package func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String {
        let outside = crew.participants.filter { p in
            guard let h = p.hours else { return false }
            return starts.allSatisfy { !h.acceptable($0, $0 + session.duration) }
        }.map(\.id)
        let who = outside.isEmpty ? crew.participants.filter { $0.hours?.acceptable != nil }.map(\.id) : outside
        let hours = who.compactMap { pid in
            facts.people[pid]?.hours.flatMap { h in
                h.acceptable.map { "\(pid) \(Instance.ClockRange.text($0.start))–\(Instance.ClockRange.text($0.end)) \(h.clock.zone.identifier)" }
            }
        }
        return outside.isEmpty
            ? "no start it could have lies within the acceptable hours of all of \(Wording.list(hours))"
            : "no start it could have lies within the acceptable hours of \(Wording.list(hours))"
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]), let h = review.facts.people[b.people[0]]?.hours,
              let range = h.acceptable else { return b.text }
        return "\(words.person(b.people[0]))'s acceptable hours are \(Instance.ClockRange.text(range.start))–"
            + "\(Instance.ClockRange.text(range.end)) in \(h.clock.zone.identifier), but \(words.session(b.sessions[0])) "
            + "runs \(h.clock.text(p.start))–\(h.clock.text(p.end)) there"
    }
}
