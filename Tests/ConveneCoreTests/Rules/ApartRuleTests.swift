import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct ApartRuleTests {
    typealias S = Instance.Session

    @Test func twoPeopleOfOneSetNeverShareASession() {
        var inst = RuleFixtures.instance(sessions: [
            S(id: "a", duration: 60, required: ["i-a"], pick: [.init(from: ["c-sato", "c-ito"])]),
            S(id: "b", duration: 60, required: ["i-a"], optional: ["c-sato"]),
        ], people: ["i-a", "c-sato", "c-ito"].map { Instance.Person(id: $0) }, addPeople: false)
        inst.apart = [["i-a", "c-sato"]]
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "a", room: "hall", start: RuleFixtures.at(0), picked: ["c-sato"]),
            Assignment(session: "b", room: "hall", start: RuleFixtures.at(60)),
        ], unscheduled: [])
        // Optional attendance is no conflict of interest; a pick is.
        #expect(RuleFixtures.lines(ApartRule(), Review(Facts(inst), solution)) == ["H11 session a has ['c-sato', 'i-a'], who must be apart"])
    }
}
