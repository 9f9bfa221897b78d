import ConveneCore
import ConveneICal
import Testing

struct CalendarReaderTests {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }
    static let window = Interval(start: at("2027-03-01T00:00:00Z"), end: at("2027-04-01T00:00:00Z"))

    func read(_ body: String, zone: String = "UTC", window: Interval = window) throws -> CalendarImport {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n"
        return try CalendarReader.read(text: text, source: "test.ics", window: window, floatingZone: zone)
    }

    func spans(_ r: CalendarImport) -> [String] {
        r.periods.map { "\($0.interval.start.withOffset(0).iso8601) \($0.interval.end.withOffset(0).iso8601)" }
    }

    @Test func utcFloatingAndZonedTimes() throws {
        let r = try read("""
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270302T010000Z\r\nDTEND:20270302T020000Z\r\nSUMMARY:UTC\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270303T100000\r\nDURATION:PT30M\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Europe/Berlin:20270304T100000\r\nDTEND;TZID=Europe/Berlin:20270304T110000\r\nEND:VEVENT\r

            """, zone: "Asia/Tokyo")
        #expect(spans(r) == [
            "2027-03-02T01:00:00Z 2027-03-02T02:00:00Z",
            "2027-03-03T01:00:00Z 2027-03-03T01:30:00Z",
            "2027-03-04T09:00:00Z 2027-03-04T10:00:00Z",
        ])
        #expect(r.periods[0].summary == "UTC" && r.periods[0].source == "test.ics")
    }

    @Test func windowsZoneNamesMapThroughCLDR() throws {
        let r = try read("""
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID="Tokyo Standard Time":20270302T100000\r\nDTEND;TZID="Tokyo Standard Time":20270302T110000\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=W. Europe Standard Time:20270330T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r

            """)
        #expect(spans(r) == ["2027-03-02T01:00:00Z 2027-03-02T02:00:00Z", "2027-03-30T08:00:00Z 2027-03-30T09:00:00Z"])
        #expect(r.notes.isEmpty)
    }

    @Test func customVTIMEZONEIsUsedAndUnknownZonesAreNoted() throws {
        let r = try read("""
            BEGIN:VTIMEZONE\r\nTZID:Office time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Office time:20270302T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Nowhere:20270303T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r

            """)
        #expect(spans(r) == ["2027-03-02T07:00:00Z 2027-03-02T08:00:00Z", "2027-03-03T10:00:00Z 2027-03-03T11:00:00Z"])
        #expect(r.notes.count == 1 && r.notes[0].field == "TZID" && r.notes[0].line == 19)
    }

    @Test func recurrenceWithExdateMovedAndCancelledOverrides() throws {
        let r = try read("""
            BEGIN:VEVENT\r\nUID:s\r\nDTSTART;TZID=Asia/Tokyo:20270301T090000\r\nDTEND;TZID=Asia/Tokyo:20270301T100000\r
            RRULE:FREQ=DAILY;COUNT=5\r\nEXDATE;TZID=Asia/Tokyo:20270302T090000\r\nRDATE;TZID=Asia/Tokyo:20270310T150000\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Asia/Tokyo:20270303T090000\r\nDTSTART;TZID=Asia/Tokyo:20270303T140000\r
            DTEND;TZID=Asia/Tokyo:20270303T160000\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Asia/Tokyo:20270304T090000\r\nDTSTART;TZID=Asia/Tokyo:20270304T090000\r
            DTEND;TZID=Asia/Tokyo:20270304T100000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r

            """)
        #expect(spans(r) == [
            "2027-03-01T00:00:00Z 2027-03-01T01:00:00Z",
            "2027-03-03T05:00:00Z 2027-03-03T07:00:00Z",
            "2027-03-05T00:00:00Z 2027-03-05T01:00:00Z",
            "2027-03-10T06:00:00Z 2027-03-10T07:00:00Z",
        ])
    }

    @Test func allDayTransparentAndCancelledEvents() throws {
        let r = try read("""
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270305\r\nDTEND;VALUE=DATE:20270307\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270308\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20270309T100000Z\r\nDURATION:PT1H\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20270309T120000Z\r\nDURATION:PT1H\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r

            """, zone: "Asia/Tokyo")
        #expect(spans(r) == ["2027-03-04T15:00:00Z 2027-03-06T15:00:00Z", "2027-03-07T15:00:00Z 2027-03-08T15:00:00Z"])
    }

    @Test func freeBusyPeriodsWithTentativeAsSoft() throws {
        let r = try read("""
            BEGIN:VFREEBUSY\r\nFREEBUSY;FBTYPE=BUSY:20270302T010000Z/PT1H,20270302T050000Z/20270302T060000Z\r
            FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270303T010000Z/PT2H\r\nFREEBUSY;FBTYPE=FREE:20270304T010000Z/PT2H\r
            FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20270305T010000Z/PT1H\r\nEND:VFREEBUSY\r

            """)
        #expect(r.merged(.busy).count == 3)
        #expect(r.merged(.tentative).map(\.minutes) == [120])
    }

    @Test func xWrTimezoneReadsFloatingTimes() throws {
        let r = try read("X-WR-TIMEZONE:America/New_York\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270302T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")
        #expect(spans(r) == ["2027-03-02T15:00:00Z 2027-03-02T16:00:00Z"])
    }

    @Test func brokenComponentIsSkippedWithItsLineAndTheRestImports() throws {
        let r = try read("""
            BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:20270302T100000Z\r\nDTEND:not-a-time\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20270303T100000Z\r\nDURATION:PT1H\r\nLOCATION:\r\nEND:VEVENT\r

            """)
        #expect(spans(r) == ["2027-03-03T10:00:00Z 2027-03-03T11:00:00Z"])
        let dtend = try #require(r.skipped.first { $0.field == "DTEND" })
        #expect(dtend.line == 7 && dtend.file == "test.ics" && dtend.message.contains("VEVENT is skipped"))
        #expect(r.skipped.contains { $0.field == "LOCATION" && $0.line == 13 })
    }

    @Test func notACalendarIsAnError() {
        #expect(throws: ICalError(file: "x.ics", line: 1, message: "not an iCalendar file: there is no BEGIN:VCALENDAR")) {
            try CalendarReader.read(text: "hello", source: "x.ics", window: Self.window, floatingZone: "UTC")
        }
    }

    @Test func expansionStopsAtTheCap() throws {
        let r = try read("BEGIN:VEVENT\r\nUID:m\r\nDTSTART:20000101T000000Z\r\nDURATION:PT1M\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n")
        #expect(r.periods.isEmpty)
        #expect(r.skipped.contains { $0.field == "RRULE" && $0.message.contains("stopped after") })
    }
}
