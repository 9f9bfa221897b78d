/// Soft `optionalUnavailable`: each optional person of a scheduled session who is away at some moment of it.
package struct OptionalUnavailableTerm: SoftTerm {
    package init() {}

    package var name: String { "optionalUnavailable" }
    package var defaultWeight: Int { 1 }

    /// Optional people of a session who are away at some moment of `[start, end)`.
    package func count(_ session: Facts.Session, start: Int, end: Int, in facts: Facts) -> Int {
        session.optional.reduce(0) { $0 + (facts.people[$1]?.busy.touches(start, end) == true ? 1 : 0) }
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { $0 + count(review.facts.sessions[$1.session], start: $1.start, end: $1.end, in: review.facts) }
    }
}
