import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct OptionalConflictTermTests {
    typealias S = Instance.Session

    @Test func countsEachOverlappingPairThatIsNotBothRequired() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p"]), S(id: "b", duration: 60, optional: ["p"]),
                       S(id: "c", duration: 60, optional: ["p"]), S(id: "d", duration: 60, optional: ["p"])],
            rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9), Instance.Room(id: "r3", capacity: 9)])
        // a and b run together, c overlaps both of them and d.
        let review = RuleFixtures.review(inst, [("a", "r1", 0), ("b", "r2", 0), ("c", "r3", 30), ("d", "r1", 60)])
        #expect(OptionalConflictTerm().count(in: review) == 4)
        #expect(RuleFixtures.lines(PersonOverlapRule(), review).isEmpty)
    }
}
