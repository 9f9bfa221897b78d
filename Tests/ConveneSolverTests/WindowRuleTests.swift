import ConveneCore
import Testing
@testable import ConveneSolver

struct WindowRuleTests {
    typealias S = Instance.Session

    @Test func windowRuleTreatsTouchingWindowsAsOne() {
        let inst = Fixtures.instance(sessions: [
            S(id: "a", duration: 60, windows: [Fixtures.span(0, 30), Fixtures.span(30, 60)]),
            S(id: "b", duration: 60, windows: [Fixtures.span(0, 30), Fixtures.span(45, 120)]),
        ], rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)])
        let f = Fixtures.findings(WindowRule(), Fixtures.checked(inst, [("a", "r1", 0), ("b", "r2", 0)]))
        #expect(f.map(\.line) == ["H7 session b is outside its windows"])
    }
}
