import ConveneCore
import ConveneICal
import Foundation
import Testing

/// Small calendars that once took libical a minute: each is answered (busy time, or an error
/// naming its line) within 5 seconds.
struct SlowCalendarTests {
    static let window = Interval(start: Instant(iso8601: "2027-01-01T00:00:00Z")!, end: Instant(iso8601: "2028-01-01T00:00:00Z")!)
    static let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    static let event = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270310T100000Z\r\nDTEND:20270310T110000Z\r\n"

    /// Reads `text`, failing the test when the answer takes 5 s or more.
    func timed(_ text: String) -> Result<CalendarImport, ICalError> {
        let started = ContinuousClock.now
        let result = Result { try CalendarReader.read(text: text, source: "slow.ics", window: Self.window, floatingZone: "UTC") }
            .mapError { $0 as? ICalError ?? ICalError(message: "\($0)") }
        let took = ContinuousClock.now - started
        #expect(took < .seconds(5), "took \(took)")
        return result
    }

    func zone(_ rule: String, id: String = "Evil") -> String {
        "BEGIN:VTIMEZONE\r\nTZID:\(id)\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\n"
            + "TZOFFSETTO:+0000\r\n\(rule)\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    }

    func zonedEvent(_ id: String) -> String {
        "BEGIN:VEVENT\r\nUID:\(id)\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;TZID=\(id):20270310T100000\r\n"
            + "DTEND;TZID=\(id):20270310T110000\r\nEND:VEVENT\r\n"
    }

    @Test func thirtyThousandBadValuesInOneEventAreRefusedWithItsLine() {
        let text = Self.head + Self.event + String(repeating: "LOCATION:\r\n", count: 30_000) + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        guard case .failure(let e) = timed(text) else { Issue.record("read"); return }
        #expect(e.line == 4 && e.message.contains("30004 properties"), "\(e)")
    }

    @Test func badValuesWithinTheLimitAreCountedNotListed() throws {
        let text = Self.head + Self.event + String(repeating: "LOCATION:\r\n", count: 5_000) + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.count == 1)
        #expect(r.skipped.count == CalendarLimits.errorsPerComponent + 1)
        #expect(r.skipped.last?.message.contains("4980 more errors") == true, "\(r.skipped.last!)")
    }

    @Test func aHundredThousandParametersOnOneLineAreRefusedWithItsLine() {
        let folded = Self.head + Self.event + "ATTENDEE" + String(repeating: ";X-P=a\r\n ", count: 100_000)
            + ":mailto:a@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let flat = folded.replacingOccurrences(of: "\r\n ", with: "")
        for text in [folded, flat] {
            guard case .failure(let e) = timed(text) else { Issue.record("read"); continue }
            #expect(e.line == 9 && e.field == "ATTENDEE" && e.message.contains("parameters"), "\(e)")
        }
    }

    @Test func aLongUnfoldedLineIsReadWhole() throws {
        // 8 MB on one line, and a DTSTART whose value lies beyond where the text is folded for libical.
        let text = Self.head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;X-PAD=" + String(repeating: "p", count: 10_000) + ":20270310T100000Z\r\n"
            + "DTEND:20270310T110000Z\r\nSUMMARY:" + String(repeating: "é", count: 6_000) + "\r\n"
            + "DESCRIPTION:" + String(repeating: "a", count: 8_000_000) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.map(\.interval.start) == [Instant(iso8601: "2027-03-10T10:00:00Z")!])
        #expect(r.periods.first?.summary == String(repeating: "é", count: 200))
        #expect(r.skipped.isEmpty, "\(r.skipped)")
    }

    @Test func anHourlyZoneRuleCountingFromTheMonthsEndIsRefused() throws {
        let text = Self.head + (0..<4).map { zone("RRULE:FREQ=HOURLY;BYMONTHDAY=-1", id: "Evil\($0)") }.joined()
            + (0..<4).map { zonedEvent("Evil\($0)") }.joined() + "END:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.count == 4)
        #expect(r.skipped.filter { $0.field == "TZID" }.map(\.line) == [4, 13, 22, 31], "\(r.skipped)")
    }

    @Test func minutelyChineseZoneRulesAreCutShort() throws {
        let text = Self.head + (0..<4).map { zone("RRULE:FREQ=MINUTELY;RSCALE=CHINESE", id: "Evil\($0)") }.joined()
            + (0..<4).map { zonedEvent("Evil\($0)") }.joined() + "END:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.count == 4)
        #expect(r.skipped.filter { $0.field == "TZID" }.count == 4, "\(r.skipped)")
    }

    @Test(arguments: ["RRULE:FREQ=HOURLY;BYMONTHDAY=-1", "RRULE:FREQ=MINUTELY;RSCALE=CHINESE"])
    func slowEventRulesAreCutShortWithTheirLine(_ rule: String) throws {
        let text = Self.head + Self.event + rule + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.first?.interval.start == Instant(iso8601: "2027-03-10T10:00:00Z")!)
        #expect(r.skipped.map(\.line) == [4], "\(r.skipped)")
        #expect(r.skipped.first?.field == "RRULE")
    }

    @Test func anEndThatClosesNothingIsOurErrorWithItsLine() {
        let text = Self.head + "END:VEVENT\r\n" + Self.event + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        guard case .failure(let e) = timed(text) else { Issue.record("read"); return }
        #expect(e.line == 4 && e.field == "END" && e.message.contains("closes nothing"), "\(e)")
    }

    @Test func oneBadFreeBusyValueLosesOnlyItself() throws {
        let text = Self.head + "BEGIN:VFREEBUSY\r\nUID:f\r\nDTSTAMP:20270101T000000Z\r\nFREEBUSY:20270310T100000Z/20270310T110000Z\r\n"
            + "FREEBUSY:x/y\r\nFREEBUSY:20270311T100000Z/PT1H\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.map(\.interval.start) == [Instant(iso8601: "2027-03-10T10:00:00Z")!, Instant(iso8601: "2027-03-11T10:00:00Z")!])
        #expect(r.skipped.map(\.line) == [8], "\(r.skipped)")
        #expect(r.skipped.first?.field == "FREEBUSY")
    }

    @Test func aCalendarCutShortIsOurErrorWithItsLine() {
        let text = Self.head + Self.event + "END:VEVENT\r\n"
        guard case .failure(let e) = timed(text) else { Issue.record("read"); return }
        #expect(e.line == 1 && e.message.contains("never closed"), "\(e)")
    }

    @Test func aLineThatIsNoPropertyNamesNoField() throws {
        let text = Self.head + "garbage\r\n" + Self.event + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let r = try timed(text).get()
        #expect(r.periods.count == 1)
        #expect(r.skipped.map(\.field) == [nil], "\(r.skipped)")
    }
}
