import ConveneCore
import Testing
@testable import ConveneSolver

struct ExplainerTests {
    typealias S = Instance.Session

    @Test func namesTheMissingRoom() {
        let instance = Fixtures.instance(
            sessions: [S(id: "s-opening", duration: 60, audience: 250, features: ["interpretation"])],
            rooms: [Instance.Room(id: "hall", capacity: 300), Instance.Room(id: "booth", capacity: 40, features: ["interpretation"])])
        let reasons = Explainer.reasons(instance, Fixtures.solution([], unscheduled: ["s-opening"]))
        #expect(reasons["s-opening"] == "no room with interpretation seats 250")
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

    @Test func saysWhereAScheduledSessionIs() {
        let instance = Fixtures.instance(sessions: [S(id: "a", duration: 60)])
        let e = Explainer.explain("a", in: instance, solution: Fixtures.solution([("a", "hall", 60)]))
        #expect(e.status == .scheduled(room: "hall", start: Fixtures.at(60)))
        #expect(e.reason == "scheduled in hall at 2027-02-22 10:00")
    }
}
