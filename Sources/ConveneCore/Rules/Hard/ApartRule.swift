/// H11: no session has two people of one `apart` set among its required and picked people
/// (conflicts of interest).
package struct ApartRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .apartTogether }
    package var code: String? { "H11" }

    /// Two required people of a session who must be apart, if there are: it can never be scheduled.
    package static func requiredTogether(_ session: Facts.Session, in facts: Facts) -> [String]? {
        for group in facts.apart {
            let both = group.intersection(session.required).sorted(by: codePointLess)
            if both.count > 1 { return both }
        }
        return nil
    }

    package func breaches(in review: Review) -> [Breach] {
        var out: [Breach] = []
        for group in review.facts.apart {
            for p in review.placed {
                let both = group.intersection(p.participants).sorted(by: codePointLess)
                guard both.count > 1 else { continue }
                let id = review.id(p)
                out.append(Breach(kind, "session \(id) has [\(both.map(pythonRepr).joined(separator: ", "))], who must be apart",
                                  sessions: [id], people: both))
            }
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        "\(words.session(b.sessions[0])) has \(Wording.list(b.people.map(words.person))), who must not sit in one session"
    }
}
