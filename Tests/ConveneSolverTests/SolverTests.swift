import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneSolver

struct SolverTests {
    static func generated(_ kind: String) throws -> Instance {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try RuleBookAgreementTests.generated(dir).first { $0.lastPathComponent.contains(kind) }!
        return try JSONFormat.decode(Instance.self, from: Data(contentsOf: url), file: url.path)
    }

    @Test func sameSeedAndIterationsGiveTheSameSchedule() throws {
        let instance = try Self.generated("tight")
        let options = SolveOptions(iterations: 2_000, seed: 5)
        let a = Solver.solve(instance, options: options, clock: ContinuousClock())
        let b = Solver.solve(instance, options: options, clock: ContinuousClock())
        #expect(a.solution == b.solution)
        #expect(a.score == b.score)
    }

    /// Among candidates who cost the same, a repair picks the people the previous schedule picked,
    /// so nobody is uninvited for nothing.
    @Test func aRepairKeepsThePeopleItPickedBefore() throws {
        let opens = Instant(iso8601: "2027-02-22T09:00:00+09:00")!
        func instance(previous: [Assignment]) -> Instance {
            Instance(name: "t", days: [Interval(start: opens, end: opens.adding(minutes: 240))],
                     rooms: [Instance.Room(id: "hall", capacity: 10)],
                     people: ["lead", "a", "b", "c"].map { Instance.Person(id: $0) },
                     sessions: [Instance.Session(id: "panel", duration: 60, required: ["lead"],
                                                 pick: [Instance.Pick(from: ["a", "b", "c"], count: 2)])],
                     previous: previous, version: 2)
        }
        let options = SolveOptions(iterations: 200, seed: 1)
        let fresh = Solver.solve(instance(previous: []), options: options, clock: ContinuousClock())
        #expect(fresh.solution.assignments.first?.picked == ["a", "b"])
        let before = Assignment(session: "panel", room: "hall", start: opens.adding(minutes: 60), picked: ["c", "b"])
        let repaired = Solver.solve(instance(previous: [before]), options: options, clock: ContinuousClock())
        #expect(repaired.solution.assignments.first.map { Set($0.picked) } == ["b", "c"])
        #expect(repaired.solution.assignments.first?.start == before.start)
    }

    @Test func deltaScoringMatchesTheCheckerAfterSearch() throws {
        let instance = try Self.generated("tight")
        let problem = Problem(instance)
        var random = RandomSource(seed: 11)
        var search = LocalSearch(state: Construction.initial(problem, random: &random), random: random)
        for _ in 0..<5 {
            search.run(400)
            let v = RuleBook.validate(instance, Explainer.solution(for: search.state))
            #expect(v.feasible, "\(v.messages.prefix(3))")
            #expect(v.score == Score(unscheduled: search.state.cost.unscheduled, soft: search.state.cost.soft))
        }
    }

    @Test func searchIsNeverWorseThanTheGreedyAndLeavesNoRuleBroken() throws {
        let instance = try Self.generated("tight")
        let greedy = Solver.solve(instance, options: SolveOptions(greedyOnly: true), clock: ContinuousClock())
        let search = Solver.solve(instance, options: SolveOptions(iterations: 3_000, seed: 2), clock: ContinuousClock())
        #expect(greedy.validation.feasible)
        #expect(search.validation.feasible)
        #expect(search.score <= greedy.score)
    }

    @Test func pinsStayWhereTheyArePinned() throws {
        let pin = Instance.Placement(room: "hall", start: Fixtures.at(60))
        let instance = Fixtures.instance(sessions: [
            Instance.Session(id: "opening", duration: 60, required: ["p"], fixed: pin),
            Instance.Session(id: "talk", duration: 60, required: ["p"], preferred: [Fixtures.span(60, 120)]),
            Instance.Session(id: "panel", duration: 60, required: ["q"], preferred: [Fixtures.span(60, 120)]),
        ])
        let result = Solver.solve(instance, options: SolveOptions(iterations: 500, seed: 1), clock: ContinuousClock())
        #expect(result.solution.assignments.contains(Assignment(session: "opening", room: "hall", start: pin.start)))
        #expect(result.validation.feasible)
        #expect(result.score == Score(unscheduled: 0, soft: 2))
    }

    @Test func everyUnscheduledSessionHasAReason() throws {
        // Twelve hours of talks for a nine-hour day in one room, some speakers shared or away.
        let instance = Fixtures.instance(
            sessions: (0..<12).map { i in
                Instance.Session(id: "s\(i)", duration: 60, audience: i == 11 ? 500 : 10, required: ["p\(i % 4)"],
                                 features: i == 10 ? ["interpretation"] : [])
            },
            people: [Instance.Person(id: "p3", unavailable: [Fixtures.span(0, 300)])])
        let result = Solver.solve(instance, options: SolveOptions(iterations: 500, seed: 1), clock: ContinuousClock())
        #expect(!result.solution.unscheduled.isEmpty)
        for u in result.solution.unscheduled { #expect(!u.reason.isEmpty, "\(u.session)") }
        #expect(result.solution.assignments.count + result.solution.unscheduled.count == instance.sessions.count)
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func repairingFosdemMovesOnlySessionsThatClash() throws {
        let instance = try Fixtures.load("fosdem-2024-repair.json")
        let url = Fixtures.benchmark.appendingPathComponent("real/fosdem-2024-published-solution.json")
        let published = try JSONFormat.decode(Solution.self, from: Data(contentsOf: url), file: url.path)
        let clashing = Set(RuleBook.validate(instance, published).violations.flatMap(\.sessions))
        let result = Solver.solve(instance, options: SolveOptions(iterations: 2_000, seed: 1), clock: ContinuousClock())
        #expect(result.validation.feasible)
        let before = Dictionary(uniqueKeysWithValues: instance.previous.map { ($0.session, $0) })
        let moved = result.solution.assignments.filter { before[$0.session] != $0 }.map(\.session)
        #expect(!moved.isEmpty && moved.count <= 3, "\(moved)")
        #expect(Set(moved).isSubset(of: clashing), "\(moved)")
    }
}
