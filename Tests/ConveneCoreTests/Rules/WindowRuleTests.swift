import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct WindowRuleTests {
    typealias S = Instance.Session

    @Test func windowRuleTreatsTouchingWindowsAsOne() {
        let inst = RuleFixtures.instance(sessions: [
            S(id: "a", duration: 60, windows: [RuleFixtures.span(0, 30), RuleFixtures.span(30, 60)]),
            S(id: "b", duration: 60, windows: [RuleFixtures.span(0, 30), RuleFixtures.span(45, 120)]),
        ], rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)])
        let f = RuleFixtures.lines(WindowRule(), RuleFixtures.review(inst, [("a", "r1", 0), ("b", "r2", 0)]))
        #expect(f == ["H7 session b is outside its windows"])
    }
}
