/// Soft `outsideHours`: each pair of a scheduled session and one of its required or picked people
/// with preferred hours who is not inside them for the whole session.
package struct OutsideHoursTerm: SoftTerm {
    package init() {}

    package var name: String { "outsideHours" }
    package var defaultWeight: Int { 1 }

    /// How many of a crew's participants would be outside their preferred hours over `[start, end)`.
    package func count(_ crew: Facts.Crew, start: Int, end: Int) -> Int {
        crew.participants.reduce(0) { $0 + ($1.hours?.preferred(start, end) == false ? 1 : 0) }
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { n, p in
            n + count(review.facts.crew(review.facts.sessions[p.session], participants: p.participants), start: p.start, end: p.end)
        }
    }
}
