import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct DeclineRuleTests {
    typealias S = Instance.Session

    @Test func flagsRequiredPeopleWhoDeclinedOnly() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"], optional: ["q"]), S(id: "b", duration: 60)])
        let review = RuleFixtures.review(inst, [("a", "hall", 0)], plan: PlanFacts(declines: ["a": ["p", "q"], "b": ["p"]]))
        #expect(RuleFixtures.lines(DeclineRule(), review) == ["required person p declined session a"])
        #expect(DeclineRule().code == nil)
    }
}
