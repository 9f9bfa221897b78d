import ConveneTestFixtures
import Testing
@testable import ConveneCore

/// Where a session fits alone, and the honest reason when it fits nowhere: the rule that really
/// blocks it, never a bystander.
struct FitTests {
    typealias S = Instance.Session
    typealias F = RuleFixtures

    func misfit(_ instance: Instance) -> String? { Facts(instance).misfit(0)?.text }

    @Test func fitsWhereEveryPlacementRuleAllows() {
        let inst = F.instance(
            sessions: [S(id: "a", duration: 60, audience: 50, required: ["p"], features: ["streaming"], windows: [F.span(60, 240)])],
            rooms: [Instance.Room(id: "big", capacity: 200, features: ["streaming"]), Instance.Room(id: "small", capacity: 60, features: ["streaming"]),
                    Instance.Room(id: "bare", capacity: 300)],
            people: [Instance.Person(id: "p", unavailable: [F.span(120, 150)])])
        let facts = Facts(inst)
        let fit = facts.fit(0)
        #expect(fit.rooms.map { facts.rooms[$0].id } == ["small", "big"])
        // 10:00–13:00 holds starts 10:00 … 12:00; p is away 11:00–11:30.
        #expect(fit.starts == [60, 150, 165, 180])
        #expect(facts.misfit(0) == nil)
    }

    @Test func closuresOnlyAreNamedAsClosures() {
        // p is free all day; the only room is closed whenever a 2-hour session could run.
        let inst = F.instance(
            sessions: [S(id: "a", duration: 120, required: ["p"])],
            rooms: [Instance.Room(id: "hall", capacity: 10, unavailable: [F.span(60, 75), F.span(180, 195), F.span(300, 315), F.span(420, 435)])])
        #expect(misfit(inst) == "its only fitting room, hall, is closed at every start it could have")
    }

    /// Government candidates who join from Paris by day: 09:00–18:00 there is 17:00–02:00 in
    /// Tokyo, and the session's window closes at 16:00.
    @Test func picksThatCannotBeMetNameTheGroupAndTheirHours() {
        let paris = Instance.Hours(zone: "Europe/Paris", acceptable: .init(start: 9 * 60, end: 18 * 60))
        let inst = F.instance(
            sessions: [S(id: "a", duration: 60, windows: [F.span(0, 420)], pick: [Instance.Pick(from: ["g1", "g2"])])],
            people: [Instance.Person(id: "g1", group: "government", hours: paris), Instance.Person(id: "g2", group: "government", hours: paris)])
        #expect(misfit(inst) == "needs 1 of g1, g2 (government), but not enough of them are free within their acceptable hours "
            + "(09:00–18:00 in Europe/Paris) at any start it could have, inside its windows")
    }

    @Test func windowsOnlyAreNamedAsWindows() {
        let inst = F.instance(sessions: [S(id: "a", duration: 90, required: ["p"], windows: [F.span(0, 60)])])
        #expect(misfit(inst) == "needs 90 minutes but none of its windows holds that on the grid of a day")
    }

    @Test func peopleOnlyAreNamedAsPeople() {
        let inst = F.instance(sessions: [S(id: "a", duration: 60, required: ["p", "q"])],
                              people: [Instance.Person(id: "p", unavailable: [F.span(0, 540)]), Instance.Person(id: "q")])
        #expect(misfit(inst) == "p is unavailable at every start it could have")
    }

    @Test func peopleInsideWindowsSayBoth() {
        let inst = F.instance(sessions: [S(id: "a", duration: 60, required: ["p"], windows: [F.span(0, 120)])],
                              people: [Instance.Person(id: "p", unavailable: [F.span(0, 120)])])
        #expect(misfit(inst) == "p is unavailable at every start it could have, inside its windows")
    }

    @Test func roomsOnlyAreNamedAsRooms() {
        let rooms = [Instance.Room(id: "hall", capacity: 300), Instance.Room(id: "booth", capacity: 40, features: ["interpretation"])]
        #expect(misfit(F.instance(sessions: [S(id: "a", duration: 60, audience: 400)], rooms: rooms))
            == "no room seats 400 (the largest seats 300)")
        #expect(misfit(F.instance(sessions: [S(id: "a", duration: 60, features: ["hearing-loop"])], rooms: rooms))
            == "no room has hearing-loop")
        #expect(misfit(F.instance(sessions: [S(id: "a", duration: 60, audience: 250, features: ["interpretation"])], rooms: rooms))
            == "no room seats 250 and has interpretation")
    }

    @Test func aSessionLongerThanEveryDay() {
        #expect(misfit(F.instance(sessions: [S(id: "a", duration: 600)])) == "needs 600 minutes but the longest day is open 540 minutes")
    }

    @Test func aPinInAClosureIsNamed() {
        let inst = F.instance(sessions: [S(id: "a", duration: 60, fixed: .init(room: "hall", start: F.at(60)))],
                              rooms: [Instance.Room(id: "hall", capacity: 9, unavailable: [F.span(90, 100)])])
        #expect(misfit(inst) == "pinned to hall at 2027-02-22 10:00, where the room is closed")
    }
}
