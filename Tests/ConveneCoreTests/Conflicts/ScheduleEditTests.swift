import ConveneCore
import Testing

struct ScheduleEditTests {
    let event = ConflictFixtures.event
    func t(_ s: String) -> Instant { ConflictFixtures.tokyo(s) }

    @Test func swapExchangesRoomsAndStarts() throws {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        try edit.swap("s-open", "s-talk")
        #expect(try edit.placement(of: "s-open") == Assignment(session: "s-open", room: "small", start: t("2027-02-22 14:00")))
        #expect(try edit.placement(of: "s-talk") == Assignment(session: "s-talk", room: "hall", start: t("2027-02-22 09:30")))
    }

    @Test func refusesUnknownSessionsAndRooms() {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        #expect(throws: ScheduleEditError("no session 's-nope' in the plan")) { try edit.unschedule("s-nope") }
        #expect(throws: ScheduleEditError("no room 'attic' in the plan; rooms: hall, small")) {
            try edit.move("s-open", room: "attic", start: t("2027-02-22 10:00"))
        }
        #expect(throws: ScheduleEditError("cannot swap session 's-open' with itself")) { try edit.swap("s-open", "s-open") }
        try? edit.unschedule("s-meet")
        #expect(throws: ScheduleEditError("session 's-meet' is not scheduled")) { try edit.swap("s-meet", "s-open") }
    }

    @Test func readsAdminTimesInTheEventZone() {
        let text = ScheduleText(event: event)
        #expect(text.instant("2027-02-22 10:30")?.iso8601 == "2027-02-22T10:30:00+09:00")
        #expect(text.instant("22/02 10:30") == nil)
    }
}
