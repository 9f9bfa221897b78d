import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct DeclineRuleTests {
    typealias S = Instance.Session

    @Test func flagsRequiredPeopleWhoDeclinedOnly() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"], optional: ["q"]), S(id: "b", duration: 60)])
        let declines = [Decline(session: "a", person: "p"), Decline(session: "a", person: "q"), Decline(session: "b", person: "p")]
        let review = RuleFixtures.review(inst, [("a", "hall", 0)], plan: PlanFacts(declines: declines))
        #expect(RuleFixtures.lines(DeclineRule(), review) == ["required person p declined session a"])
        #expect(DeclineRule().code == nil)
    }

    /// An answer holds for the room and time it answered: moved elsewhere, the session is free of it.
    @Test func aDeclineHoldsOnlyWhereItWasGiven() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"])],
                                         rooms: [Instance.Room(id: "hall", capacity: 100), Instance.Room(id: "salon", capacity: 100)])
        let plan = PlanFacts(declines: [Decline(session: "a", person: "p", room: "hall", start: RuleFixtures.at(60))])
        #expect(RuleFixtures.lines(DeclineRule(), RuleFixtures.review(inst, [("a", "hall", 60)], plan: plan))
            == ["required person p declined session a"])
        #expect(RuleFixtures.lines(DeclineRule(), RuleFixtures.review(inst, [("a", "hall", 0)], plan: plan)).isEmpty)
        #expect(RuleFixtures.lines(DeclineRule(), RuleFixtures.review(inst, [("a", "salon", 60)], plan: plan)).isEmpty)
    }
}
