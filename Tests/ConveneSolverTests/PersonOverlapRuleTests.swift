import ConveneCore
import Testing
@testable import ConveneSolver

struct PersonOverlapRuleTests {
    typealias S = Instance.Session

    @Test func personOverlapRuleSeparatesHardClashesFromOptionalConflicts() {
        let inst = Fixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p"]), S(id: "b", duration: 60, required: ["p"]),
                       S(id: "c", duration: 60, optional: ["p"]), S(id: "d", duration: 60, required: ["p"])],
            rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9), Instance.Room(id: "r3", capacity: 9)])
        let r = PersonOverlapRule().check(Fixtures.checked(inst, [("a", "r1", 0), ("b", "r2", 30), ("c", "r3", 30), ("d", "r1", 60)]))
        #expect(r.findings.map(\.line) == ["H5 required person p is in overlapping sessions a and b",
                                           "H5 required person p is in overlapping sessions b and d"])
        // c overlaps a, b and d, and lists p only as optional.
        #expect(r.optionalConflicts == 3)
    }
}
