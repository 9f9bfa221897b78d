import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct FeatureRuleTests {
    typealias S = Instance.Session

    @Test func featureRuleNamesEveryMissingFeatureSorted() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, features: ["wheelchair", "interpretation"]), S(id: "b", duration: 60, features: ["wheelchair"])],
            rooms: [Instance.Room(id: "hall", capacity: 100, features: ["wheelchair"])])
        let f = RuleFixtures.lines(FeatureRule(), RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f == ["H3 room hall lacks ['interpretation'] for session a"])
    }
}
