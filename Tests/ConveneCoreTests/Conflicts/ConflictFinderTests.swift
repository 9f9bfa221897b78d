import ConveneCore
import Testing

struct ConflictFinderTests {
    let event = ConflictFixtures.event
    func t(_ s: String) -> Instant { ConflictFixtures.tokyo(s) }

    func moved(_ session: String, _ room: String, _ start: String) -> [Assignment] {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        try! edit.move(session, room: room, start: t(start))
        return edit.assignments
    }

    @Test func aCleanScheduleHasNone() {
        #expect(ConflictFinder(event: event).conflicts(in: ConflictFixtures.clean).isEmpty)
    }

    @Test func namesTheCalendarEntryThatBlocksARequiredPerson() throws {
        let busy = ["a-lee": [
            BusyPeriod(interval: Interval(start: t("2027-02-22 14:30"), end: t("2027-02-22 16:00")),
                       summary: "Board meeting", source: "/home/lee/calendars/lee.ics"),
            BusyPeriod(interval: Interval(start: t("2027-02-22 10:00"), end: t("2027-02-22 11:00")), strength: .tentative,
                       summary: "Maybe lunch", source: "lee.ics"),
        ]]
        let found = ConflictFinder(event: event, busy: busy).conflicts(in: ConflictFixtures.clean)
        #expect(found.count == 1)
        let c = try #require(found.first)
        #expect(c.kind == .personUnavailable)
        #expect(c.sessions == ["s-talk"])
        #expect(c.people == ["a-lee"])
        #expect(c.reason == "Lee Min is busy: 'Board meeting' from lee.ics, 2027-02-22 14:30–16:00, during \"Registry Talk\" (s-talk)")
    }

    @Test func findsDoubleBookedRoomAndPersonAndBrokenOrder() {
        let found = ConflictFinder(event: event).conflicts(in: moved("s-meet", "hall", "2027-02-22 09:45"))
        #expect(Set(found.map(\.kind)) == [.roomDoubleBooked, .personDoubleBooked, .afterOrder])
        let room = found.first { $0.kind == .roomDoubleBooked }
        #expect(room?.reason == "Main Hall holds both \"Opening\" (s-open) and \"Access Meeting\" (s-meet) at 2027-02-22 09:45–10:30")
        #expect(found.first { $0.kind == .personDoubleBooked }?.people == ["p-mori"])
    }

    @Test func findsRoomRules() {
        let found = ConflictFinder(event: event).conflicts(in: moved("s-open", "small", "2027-02-22 11:45"))
        // Opening now ends after the meeting that must follow it starts.
        #expect(found.map(\.kind) == [.roomTooSmall, .missingFeature, .roomUnavailable, .afterOrder])
        #expect(found[0].reason == "Small Room seats 10, but \"Opening\" (s-open) expects 150")
        #expect(found[1].reason == "Small Room has no streaming, which \"Opening\" (s-open) needs")
        #expect(found[2].reason == "Small Room is closed 2027-02-22 12:00–13:00, during \"Opening\" (s-open)")
        #expect(found[3].reason == "\"Access Meeting\" (s-meet) starts 2027-02-22 10:30, before \"Opening\" (s-open) ends at 2027-02-22 12:45")
    }

    @Test func findsOpeningHoursAndWindows() {
        let late = ConflictFinder(event: event).conflicts(in: moved("s-talk", "hall", "2027-02-22 17:30"))
        #expect(late.map(\.kind) == [.outsideDays, .outsideWindows])
    }

    @Test func aStartOffTheSlotGridIsAConflict() throws {
        let found = ConflictFinder(event: event).conflicts(in: moved("s-talk", "small", "2027-02-22 14:07"))
        let c = try #require(found.first)
        #expect(found.count == 1)
        #expect(c.kind == .offGrid)
        #expect(c.rule == "H1")
        #expect(c.reason == "\"Registry Talk\" (s-talk) at 2027-02-22 14:07–14:52 starts off the 15-minute grid of its day, which opens at 09:00")
    }

    @Test func aDeclineBreaksTheCompositionRule() {
        let finder = ConflictFinder(event: event, declines: [Decline(session: "s-meet", person: "g-ono")])
        let found = finder.conflicts(in: ConflictFixtures.clean)
        #expect(found.map(\.kind) == [.declined, .composition])
        #expect(found[0].reason == "Ono Rei declined \"Access Meeting\" (s-meet), where they are required")
        #expect(found[1].reason == "\"Access Meeting\" (s-meet) has no attending participant from government")
    }

    @Test func anAdminPinThatIsNotHeldIsAConflict() {
        let pinned = event.applying(pins: ["s-talk": Session.Pin(room: "hall", start: t("2027-02-22 15:00"))])
        let found = ConflictFinder(event: pinned).conflicts(in: ConflictFixtures.clean)
        #expect(found.map(\.kind) == [.pinMoved])
    }

    @Test func addedKeepsOnlyConflictsWithNewParties() {
        let finder = ConflictFinder(event: event)
        let before = finder.conflicts(in: moved("s-open", "small", "2027-02-22 11:45"))
        let after = finder.conflicts(in: moved("s-meet", "hall", "2027-02-22 09:45"))
        #expect(ConflictFinder.added(before, comparedTo: before).isEmpty)
        // Both break the order of the same two sessions: that one is not new.
        #expect(Set(ConflictFinder.added(after, comparedTo: before).map(\.kind)) == [.roomDoubleBooked, .personDoubleBooked])
    }
}
