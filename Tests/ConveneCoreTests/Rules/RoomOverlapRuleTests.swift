import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct RoomOverlapRuleTests {
    typealias S = Instance.Session

    @Test func roomOverlapRuleComparesNeighboursInStartOrder() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 120), S(id: "b", duration: 30), S(id: "c", duration: 30), S(id: "d", duration: 30)])
        // a holds 0–120; b and c sit inside it; d follows it.
        let f = RuleFixtures.lines(RoomOverlapRule(), RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 15), ("c", "hall", 60), ("d", "hall", 120)]))
        #expect(f == ["H4 sessions a and b overlap in room hall"])
    }
}
