/// Soft `outsideHours`: each pair of a scheduled session and one of its required or picked people
/// with preferred hours who is not inside them for the whole session.
package struct OutsideHoursTerm: SoftTerm {
    package init() {}

    package var name: String { "outsideHours" }
    package var defaultWeight: Int { 1 }

    /// How many of `participants` would be outside their preferred hours over `[start, end)`.
    package func count(participants: [String], start: Int, end: Int, in facts: Facts) -> Int {
        participants.reduce(0) { $0 + (facts.people[$1]?.hours?.preferred(start, end) == false ? 1 : 0) }
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { $0 + count(participants: $1.participants, start: $1.start, end: $1.end, in: review.facts) }
    }
}
