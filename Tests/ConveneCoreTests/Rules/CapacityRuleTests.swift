import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct CapacityRuleTests {
    typealias S = Instance.Session

    @Test func capacityRuleFlagsAnAudienceTooLargeForTheRoom() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, audience: 100), S(id: "b", duration: 60, audience: 101)])
        let f = RuleFixtures.lines(CapacityRule(), RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f == ["H2 session b (audience 101) is in hall (capacity 100)"])
    }
}
