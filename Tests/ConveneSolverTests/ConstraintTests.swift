import ConveneCore
import Testing
@testable import ConveneSolver

/// Each rule, given a few sessions, penalizes by exactly N.
struct ConstraintTests {
    typealias S = Instance.Session

    @Test func dayRuleFlagsSessionsOutsideADayAndOffTheGrid() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)])
        let f = Fixtures.findings(DayRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 500), ("c", "hall", 100)]))
        #expect(f.map(\.line) == ["H1 session b is not inside one day window", "H1 session c starts off the 15-minute grid"])
    }

    @Test func capacityRuleFlagsAnAudienceTooLargeForTheRoom() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60, audience: 100), S(id: "b", duration: 60, audience: 101)])
        let f = Fixtures.findings(CapacityRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f.map(\.line) == ["H2 session b (audience 101) is in hall (capacity 100)"])
    }

    @Test func featureRuleNamesEveryMissingFeatureSorted() {
        let inst = Fixtures.instance(
            sessions: [S(id: "a", duration: 60, features: ["wheelchair", "interpretation"]), S(id: "b", duration: 60, features: ["wheelchair"])],
            rooms: [Instance.Room(id: "hall", capacity: 100, features: ["wheelchair"])])
        let f = Fixtures.findings(FeatureRule(), Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60)]))
        #expect(f.map(\.line) == ["H3 room hall lacks ['interpretation'] for session a"])
    }

    @Test func roomOverlapRuleComparesNeighboursInStartOrder() {
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 120), S(id: "b", duration: 30), S(id: "c", duration: 30), S(id: "d", duration: 30)])
        // a holds 0–120; b and c sit inside it; d follows it.
        let f = RoomOverlapRule().check(Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 15), ("c", "hall", 60), ("d", "hall", 120)]))
        #expect(f.map(\.line) == ["H4 sessions a and b overlap in room hall"])
    }

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

    @Test func windowRuleTreatsTouchingWindowsAsOne() {
        let inst = Fixtures.instance(sessions: [
            S(id: "a", duration: 60, windows: [Fixtures.span(0, 30), Fixtures.span(30, 60)]),
            S(id: "b", duration: 60, windows: [Fixtures.span(0, 30), Fixtures.span(45, 120)]),
        ], rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)])
        let f = Fixtures.findings(WindowRule(), Fixtures.checked(inst, [("a", "r1", 0), ("b", "r2", 0)]))
        #expect(f.map(\.line) == ["H7 session b is outside its windows"])
    }

    @Test func afterRuleNeedsTheEarlierSessionToEndFirst() {
        let inst = Fixtures.instance(sessions: [
            S(id: "a", duration: 60), S(id: "b", duration: 60, after: ["a"]), S(id: "c", duration: 60, after: ["a", "missing"]),
        ], rooms: [Instance.Room(id: "r1", capacity: 9), Instance.Room(id: "r2", capacity: 9)])
        let f = Fixtures.findings(AfterRule(), Fixtures.checked(inst, [("a", "r1", 60), ("b", "r2", 0), ("c", "r2", 120)]))
        #expect(f.map(\.line) == ["H7 session b starts before a ends"])
    }

    @Test func pinRuleFlagsMovedAndUnscheduledPins() {
        let pin = Instance.Placement(room: "hall", start: Fixtures.at(60))
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60, fixed: pin), S(id: "b", duration: 60, fixed: pin),
                                                S(id: "c", duration: 60, fixed: pin)])
        let schedule = Fixtures.checked(inst, [("a", "hall", 60), ("b", "hall", 120)])
        #expect(Fixtures.findings(PinRule(), schedule).map(\.line) == ["H7 pinned session b was moved"])
        #expect(PinRule().unscheduled(["c"], in: schedule).map(\.line) == ["H7 pinned session c is unscheduled"])
    }

    @Test func preferenceRuleCostsOneOutsideEveryPreferredWindow() {
        let inst = Fixtures.instance(sessions: [
            S(id: "a", duration: 60, preferred: [Fixtures.span(0, 60)]), S(id: "b", duration: 60, preferred: [Fixtures.span(0, 60)]),
            S(id: "c", duration: 60),
        ])
        let schedule = Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 60), ("c", "hall", 120)])
        #expect(schedule.placed.map { PreferenceRule().penalty($0, in: schedule) } == [0, 1, 0])
    }

    @Test func movedRuleCountsEveryPreviousEntryNotKept() {
        let prev = [Assignment(session: "a", room: "hall", start: Fixtures.at(0)), Assignment(session: "b", room: "hall", start: Fixtures.at(60)),
                    Assignment(session: "c", room: "hall", start: Fixtures.at(120)), Assignment(session: "gone", room: "hall", start: Fixtures.at(0))]
        let inst = Fixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)], previous: prev)
        // a stays, b moves, c is left out, gone no longer exists.
        #expect(MovedRule().penalty(Fixtures.checked(inst, [("a", "hall", 0), ("b", "hall", 240)])) == 3)
    }
}
