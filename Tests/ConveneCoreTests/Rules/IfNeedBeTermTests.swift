import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneCore

struct IfNeedBeTermTests {
    typealias S = Instance.Session

    /// p marked 09:30–10:00 "if need be": the session at 09:00 touches it, the one at 10:00 does not.
    /// Required, optional and picked people count, each once per session, and the weight applies.
    @Test func countsEachPersonOfASessionInTheirIfNeedBeTimes() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p"], optional: ["q", "p"]),
                       S(id: "b", duration: 60, optional: ["p"]),
                       S(id: "c", duration: 60, pick: [Instance.Pick(from: ["q"])])],
            people: [Instance.Person(id: "p", ifNeedBe: [RuleFixtures.span(30, 60)]),
                     Instance.Person(id: "q", ifNeedBe: [RuleFixtures.span(120, 150)])])
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "a", room: "hall", start: RuleFixtures.at(0)),
            Assignment(session: "b", room: "hall", start: RuleFixtures.at(60)),
            Assignment(session: "c", room: "hall", start: RuleFixtures.at(120), picked: ["q"]),
        ], unscheduled: [])
        #expect(IfNeedBeTerm().count(in: Review(Facts(inst), solution)) == 2)
        var weighed = inst
        weighed.weights["ifNeedBe"] = 3
        let v = RuleBook.validate(weighed, solution)
        #expect(v.feasible)
        #expect(v.score == Score(unscheduled: 0, soft: 6))
        #expect(v.count("ifNeedBe") == 2)
    }

    /// Hard rules ignore the times: a required person there is no conflict.
    @Test func isNeverAHardConflict() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"])],
                                         people: [Instance.Person(id: "p", ifNeedBe: [RuleFixtures.span(0, 60)])])
        #expect(RuleBook.validate(inst, RuleFixtures.solution([("a", "hall", 0)])).violations.isEmpty)
    }

    /// An instance that marks such times is version 2 and keeps them when written; one that does not
    /// lists no `ifNeedBe` in its breakdown, as the format's checker does.
    @Test func makesTheInstanceVersion2AndRoundTrips() throws {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"])],
                                         people: [Instance.Person(id: "p", ifNeedBe: [RuleFixtures.span(0, 30)])])
        #expect(inst.writtenVersion == 2)
        let data = try JSONFormat.encode(inst)
        #expect(String(decoding: data, as: UTF8.self).contains("\"ifNeedBe\""))
        #expect(try JSONFormat.decode(Instance.self, from: data, file: "inst.json").people == inst.people)
        let plain = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"])], people: [Instance.Person(id: "p")])
        #expect(!RuleBook.validate(plain, RuleFixtures.solution([("a", "hall", 0)])).breakdown.contains { $0.term == "ifNeedBe" })
    }
}
