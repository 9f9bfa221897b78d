/// Soft `ifNeedBe`: each pair of a scheduled session and one of its required, picked or optional
/// people whose "if need be" times it overlaps.
package struct IfNeedBeTerm: SoftTerm {
    package init() {}

    package var name: String { "ifNeedBe" }
    package var defaultWeight: Int { 1 }

    /// How many of a crew's people (participants and optional, each once) marked some moment of
    /// `[start, end)` "if need be".
    package func count(_ crew: Facts.Crew, start: Int, end: Int) -> Int {
        // The search tables this for every start of every session: a person listed twice has one id and so
        // the same times, so only those the span touches are told apart, and a forum without such times
        // allocates nothing.
        var touching: [String] = []
        for p in crew.participants where p.ifNeedBe.touches(start, end) && !touching.contains(p.id) { touching.append(p.id) }
        for p in crew.optional where p.ifNeedBe.touches(start, end) && !touching.contains(p.id) { touching.append(p.id) }
        return touching.count
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { n, p in
            n + count(review.facts.crew(review.facts.sessions[p.session], participants: p.participants), start: p.start, end: p.end)
        }
    }

    /// Only instances that mark such times or weigh the term list it, as the format's checker does,
    /// so every other instance's breakdown reads as before.
    package func isListed(for instance: Instance) -> Bool {
        instance.people.contains { !$0.ifNeedBe.isEmpty } || instance.weights.given[name] != nil
    }
}
