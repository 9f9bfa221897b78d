import ConveneCore
import ConveneICal
import Testing

/// Calendars written to hurt: odd line ends, deep nesting, endless zone rules, malformed values.
/// Each is read to an answer (busy time or a located error), never a crash or a hang.
struct HostileCalendarTests {
    static let window = Interval(start: Instant(iso8601: "2027-01-01T00:00:00Z")!, end: Instant(iso8601: "2028-01-01T00:00:00Z")!)

    func read(_ text: String) throws -> CalendarImport {
        try CalendarReader.read(text: text, source: "hostile.ics", window: Self.window, floatingZone: "UTC")
    }

    func spans(_ r: CalendarImport) -> [String] {
        r.periods.map { "\($0.interval.start.withOffset(0).iso8601) \($0.interval.end.withOffset(0).iso8601)" }
    }

    @Test(arguments: ["\r", "\n", "\r\n"])
    func everyLineEndReadsTheSameAndCountsLinesAlike(_ end: String) throws {
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:a", "DTSTART:20270222T010000Z", "DTEND:20270222T020000Z",
            "END:VEVENT", "BEGIN:VEVENT", "UID:b", "DTSTART:20270223T010000Z", "DTEND:nonsense", "END:VEVENT", "END:VCALENDAR",
        ]
        let r = try read(lines.joined(separator: end) + end)
        #expect(spans(r) == ["2027-02-22T01:00:00Z 2027-02-22T02:00:00Z"])
        // The broken DTEND is on line 11 however lines end.
        #expect(r.skipped.map(\.line) == [11], "\(r.skipped)")
    }

    @Test func crOnlyCalendarFromTheIssueIsRead() throws {
        let text = "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:a\rDTSTART:20270222T010000Z\rDTEND:20270222T020000Z\rEND:VEVENT\rEND:VCALENDAR\r"
        #expect(spans(try read(text)) == ["2027-02-22T01:00:00Z 2027-02-22T02:00:00Z"])
    }

    @Test func tenThousandNestedEventsAreRefusedWithTheirLine() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + String(repeating: "BEGIN:VEVENT\r\n", count: 10_000)
            + String(repeating: "END:VEVENT\r\n", count: 10_000) + "END:VCALENDAR\r\n"
        #expect {
            try read(text)
        } throws: { error in
            let e = error as? ICalError
            return e?.line == 2 + CalendarLimits.maximumNesting && e?.message.contains("nest") == true
        }
    }

    @Test func hundredThousandNestedUnknownBlocksAreRefused() {
        let text = "BEGIN:VCALENDAR\n" + String(repeating: "BEGIN:X-FOO\n", count: 100_000) + "END:VCALENDAR\n"
        #expect(throws: ICalError.self) { try read(text) }
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let depth = CalendarLimits.maximumNesting - 2
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270301T000000Z\r\nDURATION:PT1H\r\n"
            + String(repeating: "BEGIN:X-FOO\r\n", count: depth) + String(repeating: "END:X-FOO\r\n", count: depth)
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(spans(try read(text)) == ["2027-03-01T00:00:00Z 2027-03-01T01:00:00Z"])
    }

    /// The 339-byte calendar of the issue: a zone whose STANDARD rule recurs every minute.
    @Test func minutelyTimeZoneRuleIsRefusedNotExpanded() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VTIMEZONE\r
            TZID:Trap\r
            BEGIN:STANDARD\r
            DTSTART:16010101T000000\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0100\r
            RRULE:FREQ=MINUTELY\r
            END:STANDARD\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            UID:a\r
            DTSTART;TZID=Trap:20270301T100000\r
            DURATION:PT1H\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let r = try read(text)
        #expect(r.skipped.contains { $0.line == 3 && $0.message.contains("VTIMEZONE 'Trap'") }, "\(r.skipped)")
        // Read as floating time (UTC here) rather than not at all.
        #expect(spans(r) == ["2027-03-01T10:00:00Z 2027-03-01T11:00:00Z"])
    }

    @Test func oneBudgetCoversTheWholeCalendar() throws {
        // 300 series of one instance a minute since 2020: each within the per-series cap, far over the calendar's budget.
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        for i in 0..<300 {
            text += "BEGIN:VEVENT\r\nUID:e\(i)\r\nDTSTART:20200101T000000Z\r\nDURATION:PT1M\r\nRRULE:FREQ=MINUTELY;COUNT=90000\r\nEND:VEVENT\r\n"
        }
        text += "END:VCALENDAR\r\n"
        let r = try read(text)
        #expect(r.skipped.contains { $0.message.contains("\(CalendarLimits.workPerCalendar) steps") }, "\(r.skipped.prefix(3))")
        #expect(r.skipped.count < 300)
    }

    /// Outlook 2003 wrote a 7-digit date; libical reads it as another month without a word.
    @Test func malformedFreeBusyPeriodIsSkippedWithItsLine() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VFREEBUSY\r
            FREEBUSY:2027717T100000Z/PT30M\r
            FREEBUSY;FBTYPE=BUSY:20270718T100000Z/PT1H,20270719T100000Z/20270719T113000Z\r
            FREEBUSY:20270720T100000Z/-PT1H\r
            END:VFREEBUSY\r
            END:VCALENDAR\r

            """
        let r = try read(text)
        #expect(spans(r) == ["2027-07-18T10:00:00Z 2027-07-18T11:00:00Z", "2027-07-19T10:00:00Z 2027-07-19T11:30:00Z"])
        #expect(r.skipped.map(\.line) == [4, 6], "\(r.skipped)")
        #expect(r.skipped.allSatisfy { $0.field == "FREEBUSY" && $0.file == "hostile.ics" })
    }

    @Test func summariesLoseControlAndBidiCharacters() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270301T000000Z\r\nDURATION:PT1H\r\n"
            + "SUMMARY:Board\u{202E}gniteem\u{2028}x\u{9B}y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let r = try read(text)
        #expect(r.periods.first?.summary == "Board gniteem x y")
    }

    @Test func oversizedCalendarIsRefused() {
        let text = "BEGIN:VCALENDAR\r\n" + String(repeating: "X", count: CalendarLimits.maximumBytes) + "\r\nEND:VCALENDAR\r\n"
        #expect(throws: ICalError.self) { try read(text) }
    }
}
