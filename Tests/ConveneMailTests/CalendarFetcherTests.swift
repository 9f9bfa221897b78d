import ConveneCore
import ConveneICal
import ConveneMail
import Foundation
import Testing

/// A local HTTP server (Fixtures/calendar_server.py) on a free port it picks and writes to a file,
/// stopped by its pid when done.
final class CalendarServer {
    let process = Process()
    let port: Int

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/calendar_server.py")
        let portFile = NSTemporaryDirectory() + "convene-calendar-server-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: portFile) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, portFile]
        try process.run()
        var port: Int?
        for _ in 0..<100 where port == nil {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(50_000) }
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw MailError("the test calendar server did not start within 5 s")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite(.serialized, .timeLimit(.minutes(1))) struct CalendarFetcherTests {
    let allowed = CalendarFetcher(allowPrivateAddresses: true)

    @Test func aCalendarIsFetchedReadAsAFileAndUnchangedByItsETag() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        guard case let .calendar(bytes, etag, _) = try allowed.fetch(server.url("/cal.ics")) else {
            Issue.record("expected the calendar")
            return
        }
        #expect(etag == "\"v1\"")
        let window = Interval(start: Instant(iso8601: "2027-02-21T00:00:00Z")!, end: Instant(iso8601: "2027-02-24T00:00:00Z")!)
        let read = try CalendarReader.read(text: String(decoding: bytes, as: UTF8.self), source: "live", window: window,
                                           floatingZone: "Asia/Tokyo")
        #expect(read.merged(.busy).map(\.start.iso8601) == ["2027-02-22T01:00:00Z"])
        #expect(try allowed.fetch(server.url("/cal.ics"), etag: "\"v1\"") == .unchanged)
        #expect(try allowed.fetch(server.url("/moved"), etag: "\"v0\"") == .calendar(bytes: bytes, etag: "\"v1\"", lastModified: nil),
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
