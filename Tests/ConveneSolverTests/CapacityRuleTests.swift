import ConveneCore
import Testing
@testable import ConveneSolver

struct CapacityRuleTests {
    typealias S = Instance.Session

    @Test func capacityRuleFlagsAnAudienceTooLargeForTheRoom() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60, audience: 100), S(id: "b", duration: 60, audience: 101)])
        let f = Fixtures.findings(CapacityRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f.map(\.line) == ["H2 session b (audience 101) is in hall (capacity 100)"])
    }
}
