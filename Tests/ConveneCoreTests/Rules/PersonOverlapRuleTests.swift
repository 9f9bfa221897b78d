import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PersonOverlapRuleTests {
    typealias S = Instance.Session

    @Test func separatesHardClashesFromOptionalConflicts() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p"]), S(id: "b", duration: 60, required: ["p"]),
                       S(id: "c", duration: 60, optional: ["p"]), S(id: "d", duration: 60, required: ["p"])],
            rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9), Instance.Room(id: "r3", capacity: 9)])
        let review = RuleFixtures.review(inst, [("a", "r1", 0), ("b", "r2", 30), ("c", "r3", 30), ("d", "r1", 60)])
        #expect(RuleFixtures.lines(PersonOverlapRule(), review) == ["H5 required person p is in overlapping sessions a and b",
                                                                   "H5 required person p is in overlapping sessions b and d"])
        // c overlaps a, b and d, and lists p only as optional.
        #expect(OptionalConflictTerm().count(in: review) == 3)
        let b = PersonOverlapRule().breaches(in: review)[0]
        #expect(PersonOverlapRule().reason(b, in: review, Wording(event: nil)) == "p is required in both a and b at 2027-02-22 09:30–10:00")
    }
}
