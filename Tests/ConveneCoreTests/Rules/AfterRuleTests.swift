import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct AfterRuleTests {
    typealias S = Instance.Session

    @Test func afterRuleNeedsTheEarlierSessionToEndFirst() {
        let inst = RuleFixtures.instance(sessions: [
            S(id: "a", duration: 60), S(id: "b", duration: 60, after: ["a"]), S(id: "c", duration: 60, after: ["a", "missing"]),
        ], rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)])
        let f = RuleFixtures.lines(AfterRule(), RuleFixtures.review(inst, [("a", "r1", 60), ("b", "r2", 0), ("c", "r2", 120)]))
        #expect(f == ["H7 session b starts before a ends"])
    }
}
