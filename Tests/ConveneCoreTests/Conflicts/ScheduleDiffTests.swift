import ConveneCore
import Testing

struct ScheduleDiffTests {
    let event = ConflictFixtures.event
    func t(_ s: String) -> Instant { ConflictFixtures.tokyo(s) }

    @Test func equalSchedulesDifferInNothing() {
        let d = ScheduleDiff(from: ConflictFixtures.clean, to: ConflictFixtures.clean.reversed(), event: event)
        #expect(d.isEmpty)
        #expect(d.summary(ScheduleText(event: event)) == "no session changes")
    }

    @Test func listsMovedScheduledAndUnscheduledWithThePeopleAffected() throws {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        try edit.move("s-talk", room: "hall", start: t("2027-02-22 15:00"))
        try edit.unschedule("s-meet")
        let d = ScheduleDiff(from: ConflictFixtures.clean, to: edit.assignments, event: event)
        #expect(d.changes.map(\.kind) == [.unscheduled, .moved])
        #expect(d.affectedPeople == ["a-lee", "g-ono", "i-sato", "p-mori"])
        let text = ScheduleText(event: event)
        #expect(d.lines(text) == [
            "unscheduled \"Access Meeting\" (s-meet): was Small Room, 2027-02-22 10:30–11:30",
            "moved \"Registry Talk\" (s-talk): Small Room, 2027-02-22 14:00–14:45 → Main Hall, 2027-02-22 15:00–15:45",
        ])
        let back = ScheduleDiff(from: edit.assignments, to: ConflictFixtures.clean, event: event)
        #expect(back.changes.map(\.kind) == [.scheduled, .moved])
    }
}

extension ScheduleDiffTests {
    @Test func theSummaryNamesThePeopleAffected() throws {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        try edit.move("s-talk", room: "hall", start: t("2027-02-22 15:00"))
        let d = ScheduleDiff(from: ConflictFixtures.clean, to: edit.assignments, event: event)
        #expect(d.summary(ScheduleText(event: event)) == "1 session changes; 2 people are affected: Lee Min, Sato Ken")
    }
}

extension ScheduleDiffTests {
    /// Feeds bump SEQUENCE from the history: exactly the sessions a diff names, an undo included.
    @Test func publicationSequencesFollowTheDiffBetweenVersions() throws {
        var edit = ScheduleEdit(event: event, assignments: ConflictFixtures.clean)
        try edit.move("s-talk", room: "hall", start: t("2027-02-22 15:00"))
        try edit.unschedule("s-meet")
        let made = t("2027-01-01 00:00")
        let history = [
            ScheduleVersion(number: 1, createdAt: made, command: "schedule", assignments: ConflictFixtures.clean),
            ScheduleVersion(number: 2, createdAt: made.adding(minutes: 1), command: "move", assignments: edit.assignments),
            ScheduleVersion(number: 3, createdAt: made.adding(minutes: 2), command: "undo", assignments: ConflictFixtures.clean),
        ]
        for n in 1..<history.count {
            let before = Publication(event: event, removed: [], history: Array(history[..<n]))
            let after = Publication(event: event, removed: [], history: Array(history[...n]))
            let bumped = Set(after.entries.filter { $0.sequence != before.entry(for: $0.session.id)?.sequence }.map(\.session.id))
            let diff = ScheduleDiff(from: history[n - 1].assignments, to: history[n].assignments, event: event)
            #expect(bumped == Set(diff.changes.map(\.session)), "version \(n + 1)")
        }
    }
}
