/// Soft `preference`: each scheduled session with preferred windows that lies in none of them.
package struct PreferenceTerm: SoftTerm {
    package init() {}

    package var name: String { "preference" }
    package var defaultWeight: Int { 1 }

    /// 1 when the session has preferred windows and `[start, end)` lies in none of them.
    package func count(_ session: Facts.Session, start: Int, end: Int) -> Int {
        session.hasPreferred && !session.preferred.contains(start, end) ? 1 : 0
    }

    package func count(in review: Review) -> Int {
        review.placed.reduce(0) { $0 + count(review.facts.sessions[$1.session], start: $1.start, end: $1.end) }
    }
}
