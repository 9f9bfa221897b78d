import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PreferenceTermTests {
    typealias S = Instance.Session

    @Test func costsOneOutsideEveryPreferredWindow() {
        let inst = RuleFixtures.instance(sessions: [
            S(id: "a", duration: 60, preferred: [RuleFixtures.span(0, 60)]), S(id: "b", duration: 60, preferred: [RuleFixtures.span(0, 60)]),
            S(id: "c", duration: 60),
        ])
        let schedule = RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 60), ("c", "hall", 120)])
        #expect(schedule.placed.map { PreferenceTerm().count(schedule.facts.sessions[$0.session], start: $0.start, end: $0.end) } == [0, 1, 0])
        #expect(PreferenceTerm().count(in: schedule) == 1)
    }
}
