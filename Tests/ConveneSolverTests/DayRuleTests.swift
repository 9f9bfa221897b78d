import ConveneCore
import Testing
@testable import ConveneSolver

struct DayRuleTests {
    typealias S = Instance.Session

    @Test func dayRuleFlagsSessionsOutsideADayAndOffTheGrid() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)])
        let f = Fixtures.findings(DayRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 500), ("c", "hall", 100)]))
        #expect(f.map(\.line) == ["H1 session b is not inside one day window", "H1 session c starts off the 15-minute grid"])
    }
}
