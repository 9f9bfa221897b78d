import ConveneCore
import Testing
@testable import ConveneSolver

struct FeatureRuleTests {
    typealias S = Instance.Session

    @Test func featureRuleNamesEveryMissingFeatureSorted() {
        let inst = Fixtures.instance(
            sessions: [S(id: "a", duration: 60, features: ["wheelchair", "interpretation"]), S(id: "b", duration: 60, features: ["wheelchair"])],
            rooms: [Instance.Room(id: "hall", capacity: 100, features: ["wheelchair"])])
        let f = Fixtures.findings(FeatureRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f.map(\.line) == ["H3 room hall lacks ['interpretation'] for session a"])
    }
}
