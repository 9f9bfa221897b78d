import ConveneCore
import ConveneICal
import ConveneMail
import ConveneTestFixtures
import Foundation
import Testing

@Suite(.serialized, .timeLimit(.minutes(1))) struct CalendarFetcherTests {
    let allowed = CalendarFetcher(allowPrivateAddresses: true)

    @Test func aCalendarIsFetchedReadAsAFileAndUnchangedByItsETag() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        try server.serve("cal.ics", busy: [("20270222T010000", "20270222T020000")])
        guard case let .calendar(bytes, etag?, modified) = try allowed.fetch(server.url("/cal.ics")) else {
            Issue.record("expected the calendar with its ETag")
            return
        }
        let window = Interval(start: Instant(iso8601: "2027-02-21T00:00:00Z")!, end: Instant(iso8601: "2027-02-24T00:00:00Z")!)
        let read = try CalendarReader.read(text: String(decoding: bytes, as: UTF8.self), source: "live", window: window,
                                           floatingZone: "Asia/Tokyo")
        #expect(read.merged(.busy).map(\.start.iso8601) == ["2027-02-22T01:00:00Z"])
        #expect(try allowed.fetch(server.url("/cal.ics"), etag: etag) == .unchanged)
        #expect(try allowed.fetch(server.url("/moved/cal.ics"), etag: "\"v0\"") == .calendar(bytes: bytes, etag: etag, lastModified: modified),
                "a redirect is followed, and a stale ETag gets the calendar")
    }

    @Test func aRedirectLoopIsRefused() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        #expect { try allowed.fetch(server.url("/loop")) } throws: { "\($0)".contains("more than 3 redirects") }
    }

    @Test func aFiftyMegabyteBodyIsRefused() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        let start = Date()
        #expect { try allowed.fetch(server.url("/big")) } throws: { "\($0)".contains("larger than 5 MB") }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func loopbackIsRefusedUnlessAllowed() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        #expect { try CalendarFetcher().fetch(server.url("/cal.ics")) } throws: {
            "\($0)".contains("refused: 127.0.0.1 is a loopback address") && !"\($0)".contains("cal.ics")
        }
        #expect { try CalendarFetcher().fetch("http://localhost:\(server.port)/cal.ics") } throws: { "\($0)".contains("refused") }
    }

    @Test func onlyHTTPAndWebcalAddressesAreTaken() throws {
        #expect(try CalendarFetcher.address("webcal://p.example.org/a.ics") == "https://p.example.org/a.ics")
        #expect(throws: MailError.self) { try CalendarFetcher.address("file:///etc/passwd") }
        #expect(throws: MailError.self) { try CalendarFetcher.address("ftp://example.org/a.ics") }
        #expect(throws: MailError.self) { try CalendarFetcher.address("https://example.org/a b") }
        #expect(CalendarFetcher.redacted("https://user:pw@calendar.google.com/calendar/ical/secret/basic.ics")
            == "https://calendar.google.com/…")
    }
}
