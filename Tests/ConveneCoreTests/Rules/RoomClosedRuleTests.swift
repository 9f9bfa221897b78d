import ConveneTestFixtures
import Testing
@testable import ConveneCore

/// H6: closed rooms and away required people are flagged; away optional people only cost.
struct RoomClosedRuleTests {
    typealias S = Instance.Session

    @Test func flagsRoomsClosedAtAnyMomentOfTheSession() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60), S(id: "b", duration: 15)],
            rooms: [Instance.Room(id: "hall", capacity: 9, unavailable: [RuleFixtures.span(30, 45)])])
        let review = RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 45)])
        #expect(RuleFixtures.lines(RoomClosedRule(), review) == ["H6 room hall is unavailable during session a"])
        let b = RoomClosedRule().breaches(in: review)[0]
        #expect(RoomClosedRule().reason(b, in: review, Wording(event: nil)) == "hall is closed 2027-02-22 09:30–09:45, during a")
    }
}
