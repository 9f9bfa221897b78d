import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PinRuleTests {
    typealias S = Instance.Session

    @Test func flagsMovedAndUnscheduledPins() {
        let pin = Instance.Placement(room: "hall", start: RuleFixtures.at(60))
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, fixed: pin), S(id: "b", duration: 60, fixed: pin),
                                                    S(id: "c", duration: 60, fixed: pin)])
        let review = RuleFixtures.review(inst, [("a", "hall", 60), ("b", "hall", 120)])
        #expect(RuleFixtures.lines(PinRule(), review) == ["H7 pinned session b was moved", "H7 pinned session c is unscheduled"])
        let reasons = PinRule().breaches(in: review).map { PinRule().reason($0, in: review, Wording(event: nil)) }
        #expect(reasons == ["b is pinned to hall at 2027-02-22 10:00, but is in hall at 2027-02-22 11:00",
                            "c is pinned to hall at 2027-02-22 10:00, but is not scheduled"])
    }
}
