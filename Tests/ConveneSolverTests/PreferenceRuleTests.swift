import ConveneCore
import Testing
@testable import ConveneSolver

struct PreferenceRuleTests {
    typealias S = Instance.Session

    @Test func preferenceRuleCostsOneOutsideEveryPreferredWindow() {
        let inst = Fixtures.instance(sessions: [
            S(id: "a", duration: 60, preferred: [Fixtures.span(0, 60)]), S(id: "b", duration: 60, preferred: [Fixtures.span(0, 60)]),
            S(id: "c", duration: 60),
        ])
        let schedule = Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60), ("c", "hall", 120)])
        #expect(schedule.placed.map { PreferenceRule().penalty($0, in: schedule) } == [0, 1, 0])
    }
}
