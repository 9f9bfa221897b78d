import ConveneCore
import Testing
@testable import ConveneSolver

struct RoomOverlapRuleTests {
    typealias S = Instance.Session

    @Test func roomOverlapRuleComparesNeighboursInStartOrder() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 120), S(id: "b", duration: 30), S(id: "c", duration: 30), S(id: "d", duration: 30)])
        // a holds 0–120; b and c sit inside it; d follows it.
        let f = RoomOverlapRule().check(Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 15), ("c", "hall", 60), ("d", "hall", 120)]))
        #expect(f.map(\.line) == ["H4 sessions a and b overlap in room hall"])
    }
}
