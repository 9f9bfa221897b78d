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

    /// A crew where nobody marked such times counts nothing (the search asks for every start of every
    /// session, so this case is counted without building anything); a person listed twice counts once.
    /// How fast it is, is measured by `Scripts/bench-solver`, not here.
    @Test func aCrewWithoutSuchTimesCountsNothingAndAPersonListedTwiceOnce() {
        let ids = (0..<40).map { "p\($0)" }
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: Array(ids[..<20]), optional: Array(ids[20...]) + ["p0"]),
                       S(id: "b", duration: 60, required: ["late"], optional: ["late", "p1"])],
            people: ids.map { Instance.Person(id: $0, unavailable: $0 == "p0" ? [RuleFixtures.span(300, 330)] : []) }
                + [Instance.Person(id: "late", ifNeedBe: [RuleFixtures.span(0, 30)])])
        let facts = Facts(inst)
        for start in stride(from: 0, through: 300, by: 30) {
            #expect(IfNeedBeTerm().count(facts.crew(facts.sessions[0]), start: start, end: start + 60) == 0)
        }
        let twice = facts.crew(facts.sessions[1])
        #expect(IfNeedBeTerm().count(twice, start: 0, end: 60) == 1)
        #expect(IfNeedBeTerm().count(twice, start: 30, end: 90) == 0)
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
