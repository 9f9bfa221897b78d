import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PickRuleTests {
    typealias S = Instance.Session

    @Test func eachGroupIsMetExactlyFromItsCandidates() {
        let picks = [Instance.Pick(from: ["g1", "g2", "g3", "g4"], count: 1), Instance.Pick(from: ["i1", "i2"], count: 2)]
        let inst = RuleFixtures.instance(sessions: [S(id: "m", duration: 60, pick: picks), S(id: "n", duration: 60, pick: picks)],
                                         people: ["g1", "g2", "g3", "g4", "i1", "i2", "x"].map { Instance.Person(id: $0) },
                                         addPeople: false)
        let good = Solution(instance: "test", assignments: [
            Assignment(session: "m", room: "hall", start: RuleFixtures.at(0), picked: ["g2", "i1", "i2"]),
            Assignment(session: "n", room: "hall", start: RuleFixtures.at(60), picked: ["g1", "g2", "i1", "x", "x"]),
        ], unscheduled: [])
        let review = Review(Facts(inst), good)
        #expect(RuleFixtures.lines(PickRule(), review) == [
            "H11 session n picks a person twice", "H11 session n picks 2 of ['g1', 'g2', 'g3']..., not 1",
            "H11 session n picks 1 of ['i1', 'i2']..., not 2", "H11 session n picks ['x'], who are not its candidates",
        ])
        // Picked people are required for every other rule; strays are not.
        #expect(review.placed[0].participants == ["g2", "i1", "i2"])
        #expect(review.placed[1].participants == ["g1", "g2", "i1"])
    }
}
