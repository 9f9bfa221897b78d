import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct StakeholderMixRuleTests {
    typealias S = Instance.Session

    @Test func needsAnAttendingRequiredPersonFromEachGroup() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["pat", "gov"]), S(id: "b", duration: 60, required: ["pat"])],
            people: [Instance.Person(id: "pat", group: "patient"), Instance.Person(id: "gov", group: "government")])
        let rule = [CompositionRule(groups: [.patient, .government])]
        let plan = PlanFacts(composition: ["a": rule, "b": rule], declines: [Decline(session: "a", person: "gov")])
        let review = RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 60)], plan: plan)
        #expect(RuleFixtures.lines(StakeholderMixRule(), review) ==
            ["session a has no attending participant from government", "session b has no attending participant from government"])
    }
}
