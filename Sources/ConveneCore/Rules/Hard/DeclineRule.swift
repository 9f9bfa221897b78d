/// The plan's own rule: a required participant's decline in force where the session is placed is a
/// conflict to resolve; `schedule` and `reschedule` hold to it like any hard rule.
package struct DeclineRule: PlacementRule {
    package init() {}

    package var kind: Conflict.Kind { .declined }
    package var code: String? { nil }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session]
        let declined = facts.declined(s.id, room: p.room, start: p.start)
        guard !declined.isEmpty else { return [] }
        return p.participants.filter(declined.contains).map {
            Breach(kind, "required person \($0) declined session \(s.id)", sessions: [s.id], people: [$0])
        }
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        "\(words.person(b.people[0])) declined \(words.session(b.sessions[0])), where they are required"
    }
}
