import ConveneCore
import Testing
@testable import ConveneSolver

struct MovedRuleTests {
    typealias S = Instance.Session

    @Test func movedRuleCountsEveryPreviousEntryNotKept() {
        let prev = [Assignment(session: "a", room: "hall", start: Fixtures.at(0)), Assignment(session: "b", room: "hall", start: Fixtures.at(60)),
                    Assignment(session: "c", room: "hall", start: Fixtures.at(120)), Assignment(session: "gone", room: "hall", start: Fixtures.at(0))]
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)], previous: prev)
        // a stays, b moves, c is left out, gone no longer exists.
        #expect(MovedRule().penalty(Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 240)])) == 3)
    }
}
