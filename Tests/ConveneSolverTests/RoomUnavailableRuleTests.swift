import ConveneCore
import Testing
@testable import ConveneSolver

/// H6: closed rooms and away required people are flagged; away optional people only cost.
struct RoomUnavailableRuleTests {
    typealias S = Instance.Session

    @Test func unavailabilityRulesFlagRoomsAndRequiredPeopleOnly() {
        let inst = Fixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p", "ghost"], optional: ["q"])],
            rooms: [Instance.Room(id: "hall", capacity: 9, unavailable: [Fixtures.span(30, 45)])],
            people: [Instance.Person(id: "p", unavailable: [Fixtures.span(59, 60)]), Instance.Person(id: "q", unavailable: [Fixtures.span(0, 540)])],
            addPeople: false)
        let schedule = Fixtures.checked(inst, [("a", "hall", 0)])
        #expect(Fixtures.findings(RoomUnavailableRule(), schedule).map(\.line) == ["H6 room hall is unavailable during session a"])
        #expect(Fixtures.findings(RequiredPersonRule(), schedule).map(\.line) ==
            ["H6 required person p is unavailable during session a", "session a requires unknown person 'ghost'"])
        #expect(OptionalUnavailableRule().penalty(schedule.placed[0], in: schedule) == 1)
    }
}
