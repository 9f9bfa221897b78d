/// The plan's own rule: a session with a composition rule has an attending required participant
/// from each group it names (declines count against it).
package struct StakeholderMixRule: PlacementRule {
    package init() {}

    package var kind: Conflict.Kind { .composition }
    package var code: String? { nil }

    /// The groups of a rule that the attending participants leave uncovered.
    package func missing(_ rule: CompositionRule, _ p: Review.Placed, in facts: Facts) -> [StakeholderGroup] {
        missing(rule, participants: p.participants, declined: facts.declined(facts.sessions[p.session].id, room: p.room, start: p.start),
                in: facts)
    }

    /// The groups of a rule that `participants`, less those who `declined`, leave uncovered.
    package func missing(_ rule: CompositionRule, participants: [String], declined: Set<String> = [], in facts: Facts) -> [StakeholderGroup] {
        let present = Set(participants.filter { !declined.contains($0) }.compactMap { facts.people[$0]?.group })
        return rule.groups.filter { !present.contains($0.rawValue) }
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session]
        return s.composition.compactMap { rule in
            let lacking = missing(rule, p, in: facts)
            guard !lacking.isEmpty else { return nil }
            return Breach(kind, "session \(s.id) has no attending participant from "
                + lacking.map(\.rawValue).joined(separator: ", "), sessions: [s.id])
        }
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        let facts = review.facts
        guard let p = review.placement(of: b.sessions[0]) else { return b.text }
        let s = facts.sessions[p.session]
        let lacking = s.composition.flatMap { missing($0, p, in: facts) }
        return "\(words.session(s.id)) has no attending participant from \(lacking.map(\.rawValue).joined(separator: ", "))"
    }
}
