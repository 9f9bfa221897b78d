import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct OptionalUnavailableTermTests {
    typealias S = Instance.Session

    @Test func countsOptionalPeopleAwayAtSomeMoment() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, optional: ["p", "q", "r"])],
            people: [Instance.Person(id: "p", unavailable: [RuleFixtures.span(59, 60)]), Instance.Person(id: "q", unavailable: [RuleFixtures.span(60, 90)]),
                     Instance.Person(id: "r")])
        #expect(OptionalUnavailableTerm().count(in: RuleFixtures.review(inst, [("a", "hall", 0)])) == 1)
    }
}
