import ConveneCore
import Testing
@testable import ConveneSolver

struct PinRuleTests {
    typealias S = Instance.Session

    @Test func pinRuleFlagsMovedAndUnscheduledPins() {
        let pin = Instance.Placement(room: "hall", start: Fixtures.at(60))
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60, fixed: pin), S(id: "b", duration: 60, fixed: pin),
                                                S(id: "c", duration: 60, fixed: pin)])
        let schedule = Fixtures.checked(inst, [("a", "hall", 60), ("b", "hall", 120)])
        #expect(Fixtures.findings(PinRule(), schedule).map(\.line) == ["H7 pinned session b was moved"])
        #expect(PinRule().unscheduled(["c"], in: schedule).map(\.line) == ["H7 pinned session c is unscheduled"])
    }
}
