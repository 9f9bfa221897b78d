/// H11: a scheduled session takes exactly `count` people from each of its pick groups, and only
/// from its candidates, each once.
///
/// As a time rule it says whether each group could be met at a time at all: enough candidates
/// free then, within their own acceptable hours and not kept apart from a required person.
package struct PickRule: TimeRule, NarrowingRule {
    package init() {}

    package var kind: Conflict.Kind { .pickUnmet }
    package var code: String? { "H11" }
    package var narrowing: String { "when enough of its candidates are free" }

    /// How many candidates of pick group `g` could take part over `[start, end)`, whatever else is scheduled:
    /// free then, within their own acceptable hours, and not kept apart from a required person.
    package func available(_ g: Int, of session: Facts.Session, crew: Facts.Crew, start: Int, end: Int) -> Int {
        crew.candidates[g].reduce(0) { $0 + ($1.available(start, end) ? 1 : 0) }
    }

    package func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool {
        session.pick.indices.allSatisfy { available($0, of: session, crew: crew, start: start, end: end) >= session.pick[$0].count }
    }

    package func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String {
        let g = session.pick.indices.first { g in
            !starts.contains { available(g, of: session, crew: crew, start: $0, end: $0 + session.duration) >= session.pick[g].count }
        } ?? 0
        let group = session.pick[g]
        let groups = Set(group.from.compactMap { facts.people[$0]?.group })
        let from = groups.count == 1 ? " (\(groups.first!))" : ""
        // Name the hours when the candidates share them, e.g. daytime in Paris.
        let hours = Set(group.from.compactMap { id in
            facts.people[id]?.hours.flatMap { h in h.acceptable.map { r in
                "\(Instance.ClockRange.text(r.start))–\(Instance.ClockRange.text(r.end)) in \(h.clock.zone.identifier)"
            } }
        })
        let within = hours.count == 1 && group.from.allSatisfy({ facts.people[$0]?.hours?.acceptable != nil })
            ? "their acceptable hours (\(hours.first!))" : "their own hours"
        return "needs \(group.count) of \(Wording.list(group.from))\(from), but not enough of them are free within "
            + "\(within) at any start it could have"
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        var out: [Breach] = []
        let s = facts.sessions[p.session]
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
