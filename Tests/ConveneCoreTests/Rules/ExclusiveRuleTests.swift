import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct ExclusiveRuleTests {
    typealias S = Instance.Session

    @Test func nothingRunsBesideAnExclusiveSession() {
        let rooms = [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9), Instance.Room(id: "r3", capacity: 9)]
        let inst = RuleFixtures.instance(sessions: [
            S(id: "plenary", duration: 60, exclusive: true), S(id: "talk", duration: 60), S(id: "after", duration: 60),
            S(id: "keynote", duration: 30, exclusive: true),
        ], rooms: rooms)
        // talk overlaps the plenary; after starts when it ends; keynote (exclusive too) overlaps it once.
        let review = RuleFixtures.review(inst, [("plenary", "r1", 0), ("talk", "r2", 30), ("after", "r3", 60), ("keynote", "r3", 15)])
        #expect(Set(RuleFixtures.lines(ExclusiveRule(), review)) == [
            "H9 session talk runs during exclusive session plenary", "H9 session plenary runs during exclusive session keynote",
            "H9 session talk runs during exclusive session keynote"])
    }
}
