import ConveneCore
import ConveneTestFixtures
import Testing
@testable import ConveneSolver

struct ExplainerTests {
    typealias S = Instance.Session

    @Test func namesTheMissingRoom() {
        let instance = Fixtures.instance(
            sessions: [S(id: "s-opening", duration: 60, audience: 250, features: ["interpretation"])],
            rooms: [Instance.Room(id: "hall", capacity: 300), Instance.Room(id: "booth", capacity: 40, features: ["interpretation"])])
        let reasons = Explainer.reasons(instance, Fixtures.solution([], unscheduled: ["s-opening"]))
        #expect(reasons["s-opening"] == "no room seats 250 and has interpretation")
    }

    @Test func namesAPersonWhoIsNeverAvailable() {
        let instance = Fixtures.instance(
            sessions: [S(id: "s-talk", duration: 60, required: ["p-sato", "p-ito"])],
            people: [Instance.Person(id: "p-sato", unavailable: [Fixtures.span(0, 540)]), Instance.Person(id: "p-ito")])
        let e = Explainer.explain("s-talk", in: instance, solution: Fixtures.solution([], unscheduled: ["s-talk"]))
        #expect(e.status == .unscheduled)
        #expect(e.reason == "p-sato is unavailable at every start it could have")
    }

    @Test func namesTheSessionHoldingTheOnlyLongWindow() {
        let instance = Fixtures.instance(sessions: [
            S(id: "s-plenary", duration: 120, fixed: .init(room: "hall", start: Fixtures.at(0))),
            S(id: "s-long", duration: 120, windows: [Fixtures.span(0, 150)]),
        ])
        let result = Solver.solve(instance, options: SolveOptions(iterations: 100), clock: ContinuousClock())
        let reason = result.solution.unscheduled.first { $0.session == "s-long" }?.reason ?? ""
        #expect(reason.contains("needs 120 minutes"))
        #expect(reason.contains("s-plenary"))
    }

    @Test func namesThePersonWhoIsInOtherSessionsAtEveryStart() {
        let rooms = [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)]
        let instance = Fixtures.instance(sessions: [
            S(id: "x", duration: 270, required: ["p"], fixed: .init(room: "r1", start: Fixtures.at(0))),
            S(id: "y", duration: 270, required: ["p"], fixed: .init(room: "r1", start: Fixtures.at(270))),
            S(id: "b", duration: 60, required: ["p"]),
        ], rooms: rooms)
        let reasons = Explainer.reasons(instance, Fixtures.solution([("x", "r1", 0), ("y", "r1", 270)], unscheduled: ["b"]))
        #expect(reasons["b"] == "p is busy (in x, y) at every start it could have; the nearest spot, r1 at 2027-02-22 09:00, is taken by x, and p is in x then")
    }

    /// A series neighbour that only the cadence sets against a spot is named for the cadence, with its
    /// date, never as taking the room.
    @Test func aSeriesNeighbourIsNamedForTheCadenceNotTheRoom() {
        let rooms = [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)]
        var instance = Fixtures.instance(sessions: [
            S(id: "s1", duration: 60, required: ["p"]), S(id: "s2", duration: 60, required: ["q"]),
        ], rooms: rooms, days: 3)
        instance.series = [Instance.Series(id: "w", sessions: ["s1", "s2"], minDaysApart: 2, maxDaysApart: 2)]
        let reasons = Explainer.reasons(instance, Fixtures.solution([("s1", "r1", 24 * 60)], unscheduled: ["s2"]))
        let reason = reasons["s2"] ?? ""
        #expect(!reason.contains("taken by s1"))
        #expect(reason.contains("its series' cadence with s1 (2027-02-23) does not allow it"))
    }

    @Test func namesEachCauseForTheStartsItBlocks() {
        let rooms = [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 5)]
        let instance = Fixtures.instance(sessions: [
            S(id: "x", duration: 60, fixed: .init(room: "r1", start: Fixtures.at(0))),
            S(id: "y", duration: 60, required: ["p"], fixed: .init(room: "r2", start: Fixtures.at(60))),
            S(id: "b", duration: 60, audience: 8, required: ["p"], windows: [Fixtures.span(0, 120)]),
        ], rooms: rooms)
        let reasons = Explainer.reasons(instance, Fixtures.solution([("x", "r1", 0), ("y", "r2", 60)], unscheduled: ["b"]))
        #expect(reasons["b"] == "of its 5 possible starts: p is busy (in y) at 4, its only fitting room, r1, is taken at 4; "
            + "the nearest spot, r1 at 2027-02-22 09:00, is taken by x")
    }

    @Test func saysWhereAScheduledSessionIs() {
        let instance = Fixtures.instance(sessions: [S(id: "a", duration: 60)])
        let e = Explainer.explain("a", in: instance, solution: Fixtures.solution([("a", "hall", 60)]))
        #expect(e.status == .scheduled(room: "hall", start: Fixtures.at(60)))
        #expect(e.reason == "scheduled in hall at 2027-02-22 10:00")
    }

    /// A spot a required person declined is closed to the session for the search, the bound and the
    /// reasons alike, as the rule book's decline rule judges it; elsewhere the decline does not hold.
    @Test func aDeclinedSpotIsClosedToTheSessionEverywhereTheRulesAreRead() {
        var instance = Fixtures.instance(sessions: [S(id: "s", duration: 60, required: ["p"])])
        instance.days = [Fixtures.span(0, 60)]
        let declined = PlanFacts(declines: [Decline(session: "s", person: "p", room: "hall", start: Fixtures.at(0))])
        let result = Solver.solve(instance, plan: declined, options: SolveOptions(iterations: 50), clock: ContinuousClock())
        #expect(result.solution.assignments.isEmpty)
        #expect(result.solution.unscheduled.first?.reason.contains("p declined it there") == true)
        #expect(Solver.lowerBound(instance, plan: declined).unscheduled == 1)
        // Declined at another time, the only spot is open.
        let elsewhere = PlanFacts(declines: [Decline(session: "s", person: "p", room: "hall", start: Fixtures.at(30))])
        let placed = Solver.solve(instance, plan: elsewhere, options: SolveOptions(iterations: 50), clock: ContinuousClock())
        #expect(placed.solution.assignments.count == 1)
        #expect(RuleBook.validate(instance, placed.solution, plan: elsewhere).violations.isEmpty)
    }
}
