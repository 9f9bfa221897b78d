import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct TurnoverRuleTests {
    typealias S = Instance.Session

    @Test func neighboursInARoomKeepItsTurnover() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)],
                                         rooms: [Instance.Room(id: "hall", capacity: 9, turnover: 15)])
        // b starts when a ends (too soon); c starts 15 minutes after b (enough).
        let review = RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 60), ("c", "hall", 135)])
        #expect(RuleFixtures.lines(TurnoverRule(), review) == ["H10 sessions a and b are less than 15 minutes apart in room hall"])
        #expect(RuleFixtures.lines(RoomOverlapRule(), review).isEmpty)
        let b = TurnoverRule().breaches(in: review)[0]
        #expect(TurnoverRule().reason(b, in: review, Wording(event: nil)) == "hall needs 15 minutes between sessions, but b starts 0 minutes after a ends")
    }
}
