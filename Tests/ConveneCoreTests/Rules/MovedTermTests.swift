import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct MovedTermTests {
    typealias S = Instance.Session

    @Test func countsEveryPreviousEntryNotKept() {
        let prev = [Assignment(session: "a", room: "hall", start: RuleFixtures.at(0)), Assignment(session: "b", room: "hall", start: RuleFixtures.at(60)),
                    Assignment(session: "c", room: "hall", start: RuleFixtures.at(120)), Assignment(session: "gone", room: "hall", start: RuleFixtures.at(0))]
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)], previous: prev)
        // a stays, b moves, c is left out, gone no longer exists.
        #expect(MovedTerm().count(in: RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 240)])) == 3)
    }
}
