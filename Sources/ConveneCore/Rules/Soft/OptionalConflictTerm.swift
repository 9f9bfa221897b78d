/// Soft `optionalConflict`: for each person and each pair of scheduled, overlapping sessions that
/// both name them, not both as required.
package struct OptionalConflictTerm: SoftTerm {
    package init() {}

    package var name: String { "optionalConflict" }
    package var defaultWeight: Int { 1 }

    package func count(in review: Review) -> Int { PersonOverlapRule.sweep(review).optionalConflicts }
}
