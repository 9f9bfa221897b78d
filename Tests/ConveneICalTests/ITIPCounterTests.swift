import ConveneCore
import ConveneICal
import Testing

/// A COUNTER's proposed time is read as clients write it: Outlook with a Windows zone name, Gmail in UTC.
struct ITIPCounterTests {
    static let outlook = [
        "BEGIN:VCALENDAR", "METHOD:COUNTER", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
        "BEGIN:VTIMEZONE", "TZID:Tokyo Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:DAYLIGHT", "END:VTIMEZONE",
        "BEGIN:VEVENT", "ORGANIZER:mailto:forum@example.org",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Claire Dubois:mailto:Claire.Dubois@example.fr",
        "COMMENT;LANGUAGE=fr-FR:Une heure plus tard ?", "UID:s-open.test-forum@convene", "SEQUENCE:0",
        "DTSTART;TZID=Tokyo Standard Time:20270222T103000", "DTEND;TZID=Tokyo Standard Time:20270222T113000",
        "DTSTAMP:20270115T101500Z", "X-MICROSOFT-CDO-APPT-SEQUENCE:0", "X-MICROSOFT-CDO-OWNERAPPTID:-1",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "END:VEVENT", "END:VCALENDAR", "",
    ].joined(separator: "\r\n")

    @Test func outlooksWindowsZoneNameGivesTheProposedTime() throws {
        let counter = try #require(try ITIPCounter.read(Self.outlook, file: "counter.eml", floatingZone: "Europe/Paris").first)
        #expect(counter.uid == "s-open.test-forum@convene" && counter.attendee == "claire.dubois@example.fr")
        #expect(counter.proposed == Interval(start: Instant(iso8601: "2027-02-22T01:30:00Z")!, end: Instant(iso8601: "2027-02-22T02:30:00Z")!))
        #expect(counter.comment == "Une heure plus tard ?")
    }

    @Test func gmailsUTCTimesAndADurationAreRead() throws {
        let gmail = [
            "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
            "METHOD:COUNTER", "BEGIN:VEVENT", "DTSTART:20270222T050000Z", "DURATION:PT1H30M", "DTSTAMP:20270115T101500Z",
            "ORGANIZER;CN=Forum:mailto:forum@example.org", "UID:s-panel.test-forum@convene",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=minho.kim@example.kr;X-NUM-GUESTS=0:mailto:minho.kim@example.kr",
            "SEQUENCE:1", "STATUS:CONFIRMED", "SUMMARY:Panel", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
        let counter = try #require(try ITIPCounter.read(gmail, file: "gmail.eml", floatingZone: "Asia/Tokyo").first)
        #expect(counter.sequence == 1 && counter.comment == nil)
        #expect(counter.proposed == Interval(start: Instant(iso8601: "2027-02-22T05:00:00Z")!, end: Instant(iso8601: "2027-02-22T06:30:00Z")!))
    }

    @Test func aReplyIsNotACounterAndAnEventWithNoStartIsNamed() {
        #expect(throws: ICalError.self) {
            try ITIPCounter.read(Self.outlook.replacingOccurrences(of: "METHOD:COUNTER", with: "METHOD:REPLY"), file: "r.ics", floatingZone: "UTC")
        }
        let noStart = Self.outlook.replacingOccurrences(of: "DTSTART;TZID=Tokyo Standard Time:20270222T103000\r\n", with: "")
        #expect { try ITIPCounter.read(noStart, file: "c.ics", floatingZone: "UTC") } throws: { error in
            (error as? ICalError)?.description.contains("proposes no DTSTART") == true
        }
    }
}
