import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct OutsideHoursTermTests {
    typealias S = Instance.Session

    /// Paris prefers 09:00–18:00, which in February is 17:00–02:00 in Tokyo: of the fixture's
    /// Tokyo day only 17:00–18:00 is inside. Required and picked people count, optional ones do not.
    @Test func countsEachRequiredOrPickedPersonOutsideTheirPreferredHours() {
        let paris = Instance.Hours(zone: "Europe/Paris", preferred: .init(start: 9 * 60, end: 18 * 60))
        let inst = RuleFixtures.instance(
            sessions: [S(id: "evening", duration: 60, required: ["p", "q"]),
                       S(id: "night", duration: 60, required: ["p"], optional: ["q"]),
                       S(id: "picked", duration: 60, pick: [Instance.Pick(from: ["q"])])],
            people: [Instance.Person(id: "p", hours: paris), Instance.Person(id: "q", hours: paris)])
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "evening", room: "hall", start: RuleFixtures.at(480)),
            Assignment(session: "night", room: "hall", start: RuleFixtures.at(0)),
            Assignment(session: "picked", room: "hall", start: RuleFixtures.at(60), picked: ["q"]),
        ], unscheduled: [])
        let review = Review(Facts(inst), solution)
        #expect(OutsideHoursTerm().count(in: review) == 2)
        #expect(RuleBook.validate(inst, solution).score == Score(unscheduled: 0, soft: 2))
    }
}
