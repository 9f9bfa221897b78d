/// H11: a scheduled session takes exactly `count` people from each of its pick groups, and only
/// from its candidates, each once.
package struct PickRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .pickUnmet }
    package var code: String? { "H11" }

    package func breaches(in review: Review) -> [Breach] {
        var out: [Breach] = []
        for p in review.placed {
            let s = review.facts.sessions[p.session]
            if Set(p.picked).count != p.picked.count {
                out.append(Breach(kind, "session \(s.id) picks a person twice", sessions: [s.id]))
            }
            let chosen = Set(p.picked)
            for group in s.pick {
                let pool = Set(group.from)
                let n = pool.intersection(chosen).count
                guard n != group.count else { continue }
                let shown = "[" + pool.sorted(by: codePointLess).prefix(3).map(pythonRepr).joined(separator: ", ") + "]"
                out.append(Breach(kind, "session \(s.id) picks \(n) of \(shown)..., not \(group.count)", sessions: [s.id],
                                  people: pool.sorted(by: codePointLess)))
            }
            let stray = chosen.subtracting(s.candidates).sorted(by: codePointLess)
            if !stray.isEmpty {
                out.append(Breach(kind, "session \(s.id) picks [\(stray.map(pythonRepr).joined(separator: ", "))], who are not its candidates",
                                  sessions: [s.id], people: stray))
            }
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]) else { return b.text }
        let s = review.facts.sessions[p.session]
        let picked = p.picked.map(words.person)
        if b.text.hasSuffix("twice") { return "\(words.session(s.id)) picks one person twice: \(Wording.list(picked))" }
        if b.text.hasSuffix("candidates") {
            return "\(words.session(s.id)) has \(Wording.list(b.people.map(words.person))), who are not among its candidates"
        }
        let group = s.pick.first { Set($0.from) == Set(b.people) }
        let n = Set(p.picked).intersection(b.people).count
        return "\(words.session(s.id)) needs \(group?.count ?? 0) of \(Wording.list(b.people.map(words.person))), but has \(n)"
    }
}
