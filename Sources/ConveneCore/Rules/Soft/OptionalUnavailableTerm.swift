/// Soft `optionalUnavailable`: each optional person of a scheduled session who is away at some moment of it.
package struct OptionalUnavailableTerm: SoftTerm {
    package init() {}

    package var name: String { "optionalUnavailable" }
    package var defaultWeight: Int { 1 }

    /// A crew's optional people who are away at some moment of `[start, end)`.
    package func count(_ crew: Facts.Crew, start: Int, end: Int) -> Int {
        crew.optional.reduce(0) { $0 + ($1.busy.touches(start, end) ? 1 : 0) }
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { $0 + count(review.facts.crew(review.facts.sessions[$1.session]), start: $1.start, end: $1.end) }
    }
}
