import Testing
@testable import ConveneCore

struct AgendaTests {
    func event() -> Event {
        let opens = Instant(iso8601: "2027-02-22T09:00:00+09:00")!
        return Event(
            id: "demo", name: LocalizedText(ja: "デモ", en: "Demo"), kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
            days: [EventDay(date: LocalDate(year: 2027, month: 2, day: 22), opens: opens, closes: opens.adding(minutes: 540))],
            organizer: Organizer(name: "Office", email: "office@example.org"),
            rooms: [Room(id: "hall", name: LocalizedText(ja: "ホール", en: "Hall"), capacity: 100),
                    Room(id: "b", name: LocalizedText(en: "Room B, east"), capacity: 10)],
            stakeholders: [],
            sessions: [Session(id: "s-1", title: LocalizedText(ja: "開会", en: "Opening"), kind: .plenary, duration: 60),
                       Session(id: "s-2", title: LocalizedText(en: "Say \"hi\""), kind: .seminar, duration: 30),
                       Session(id: "s-3", title: LocalizedText(en: "Late"), kind: .seminar, duration: 30)])
    }

    @Test func ordersByTimeThenRoomInTheEventZone() {
        // Written in UTC: the agenda shows Tokyo time.
        let v = ScheduleVersion(number: 1, createdAt: Instant(secondsSinceEpoch: 0), command: "schedule", assignments: [
            Assignment(session: "s-2", room: "b", start: Instant(iso8601: "2027-02-22T00:00:00Z")!),
            Assignment(session: "s-1", room: "hall", start: Instant(iso8601: "2027-02-22T00:00:00Z")!),
        ], unscheduled: [Solution.Unscheduled(session: "s-3", reason: "no room is free")])
        let agenda = Agenda(event: event(), schedule: v)
        #expect(agenda.days.count == 1)
        #expect(agenda.days[0].entries.map(\.session.id) == ["s-1", "s-2"])
        #expect(agenda.days[0].entries[0].start.timeText == "09:00")
        #expect(agenda.days[0].entries[0].end.timeText == "10:00")
        #expect(agenda.unscheduled.map(\.reason) == ["no room is free"])
        #expect(agenda.text().contains("  09:00–10:00  ホール / Hall       開会 / Opening\n"))
        #expect(agenda.text().contains("2027-02-22 (月) Mon"))
        #expect(agenda.text(language: .en).contains("  09:00–10:00  Hall                Opening\n"))
        #expect(agenda.text(language: .ja).contains("  09:00–10:00  ホール              開会\n"))
        #expect(!agenda.text(language: .en).contains("開会") && !agenda.text(language: .ja).contains("Opening"))
        let csv = "date,start,end,room,session,title_ja,title_en,kind,track,track_name,speakers,accessibility\r\n"
            + "2027-02-22,09:00,10:00,Hall,s-1,開会,Opening,plenary,,,,\r\n"
            + "2027-02-22,09:00,09:30,\"Room B, east\",s-2,,\"Say \"\"hi\"\"\",seminar,,,,\r\n"
        #expect(agenda.csv == csv)
    }

    /// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`: such cells get a leading `'`.
    @Test func csvCellsASpreadsheetWouldRunAreNeutralised() {
        var e = event()
        e.sessions[0].title = LocalizedText(ja: "@SUM(A1)", en: "=HYPERLINK(\"http://evil.example\",\"x\")")
        e.rooms[0].name = LocalizedText(en: "+1 Hall")
        e.sessions[1].title = LocalizedText(en: "-2, then")
        let v = ScheduleVersion(number: 1, createdAt: Instant(secondsSinceEpoch: 0), command: "schedule", assignments: [
            Assignment(session: "s-1", room: "hall", start: Instant(iso8601: "2027-02-22T00:00:00Z")!),
            Assignment(session: "s-2", room: "hall", start: Instant(iso8601: "2027-02-22T01:00:00Z")!),
        ])
        let rows = Agenda(event: e, schedule: v).csv.components(separatedBy: "\r\n")
        #expect(rows[1] == "2027-02-22,09:00,10:00,'+1 Hall,s-1,'@SUM(A1),\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",plenary,,,,")
        #expect(rows[2] == "2027-02-22,10:00,10:30,'+1 Hall,s-2,,\"'-2, then\",seminar,,,,")
        #expect(CSVField.escaped("plain") == "plain" && CSVField.escaped("a=b") == "a=b" && CSVField.escaped("\tx") == "'\tx")
    }
}
