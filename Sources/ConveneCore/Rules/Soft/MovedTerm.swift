/// Soft `moved`: each entry of the previous schedule whose session is now elsewhere or left out.
package struct MovedTerm: SoftTerm {
    package init() {}

    package var name: String { "moved" }
    package var defaultWeight: Int { 5 }

    package func count(in review: Review) -> Int {
        review.facts.instance.previous.reduce(0) { n, prev in
            guard let now = review.placement(of: prev.session), review.roomID(now) == prev.room,
                  now.start == review.facts.minutes(prev.start) else { return n + 1 }
            return n
        }
    }
}
