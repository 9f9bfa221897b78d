import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// The server sheds clients that hold connections, follows HTTP/1.x's connection rules, refuses a
/// revoked link at once and never logs a token.
@Suite(.serialized)
struct ServerHardeningTests {
    static func server(_ fixture: Fixture, settings: ServerSettings = ServerSettings(port: 0, recheck: .zero),
                       logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }) -> FeedServer {
        FeedServer(store: fixture.store, settings: settings, logger: logger, pages: false)
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheResponse() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            let connection = try RawConnection(port: client.port)
            connection.send("GET /events/test-forum/feeds/event.ics HTTP/1.0\r\n\r\n")
            let (text, closed) = connection.readUntilClosed()
            #expect(closed)
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.lowercased().contains("connection: close\r\n"))

            let kept = try RawConnection(port: client.port)
            kept.send("GET /events/test-forum/feeds/event.ics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.read(until: "END:VCALENDAR\r\n").lowercased().contains("connection: keep-alive\r\n"))
            kept.send("HEAD /events/test-forum/feeds/event.ics HTTP/1.0\r\n\r\n")
            let second = kept.readUntilClosed()
            #expect(second.closed && second.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        }
    }

    @Test func http11WithoutOrWithTwoHostsIs400() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            for head in ["GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"] {
                let connection = try RawConnection(port: client.port)
                connection.send(head)
                let (text, closed) = connection.readUntilClosed()
                #expect(text.hasPrefix("HTTP/1.1 400 "), "\(text)")
                #expect(closed)
            }
        }
    }

    @Test func expectContinueIsAnsweredAndOtherExpectationsFail() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            let connection = try RawConnection(port: client.port)
            connection.send("GET /events/test-forum/feeds/event.ics HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
            let (text, _) = connection.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), "\(text.prefix(80))")
            let odd = try await client.get(Fixture.address("/feeds/event.ics"), headers: ["Expect": "the-unexpected"])
            #expect(odd.status == 417)
        }
    }

    /// A client that sends `Expect: 100-continue` waits for the 100 before its body, whatever the method.
    @Test func aPostThatExpectsContinueGetsItBeforeItsBody() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            let connection = try RawConnection(port: client.port)
            connection.send("POST /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            let interim = connection.read(until: "\r\n\r\n", seconds: 3)
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n\r\n"), "\(interim)")
            connection.send("hello")
            let answer = connection.read(until: "\r\n\r\n", seconds: 3)
            #expect(answer.hasPrefix("HTTP/1.1 4"), "\(answer)")
        }
    }

    /// Past NIO's own 80 KB limit a head is still too large, not malformed: 431, and the connection closes.
    @Test func headersOverAHundredKilobytesGet431() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            for field in ["X-Big: " + String(repeating: "b", count: 100_000), "X-Big: b\r\nX-Pad: " + String(repeating: "p", count: 120_000)] {
                let connection = try RawConnection(port: client.port)
                connection.send("GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\n\(field)\r\n\r\n")
                let (text, closed) = connection.readUntilClosed(seconds: 5)
                #expect(text.hasPrefix("HTTP/1.1 431 "), "\(text.prefix(80))")
                #expect(text.lowercased().contains("x-content-type-options: nosniff\r\n"))
                #expect(closed)
            }
        }
    }

    @Test func everyResponseSaysNosniff() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            for head in ["GET /events/test-forum/feeds/event.ics HTTP/1.1\r\nHost: x\r\n", "GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\n",
                         "GET /no/such/page HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\n",
                         "GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\nExpect: odd\r\n", "GARBAGE\r\n"] {
                let connection = try RawConnection(port: client.port)
                connection.send(head + "Connection: close\r\n\r\n")
                let (text, _) = connection.readUntilClosed(seconds: 5)
                let headers = text.components(separatedBy: "\r\n\r\n").first ?? ""
                #expect(headers.hasPrefix("HTTP/1.1 "), "\(head): \(text.prefix(80))")
                #expect(headers.lowercased().contains("\r\nx-content-type-options: nosniff"), "\(head): \(headers)")
            }
        }
    }

    @Test func slowHeadersAndIdleConnectionsAreClosed() async throws {
        let f = try Fixture()
        defer { f.remove() }
        let settings = ServerSettings(port: 0, recheck: .zero, requestTimeout: .milliseconds(300), idleTimeout: .milliseconds(600))
        try await RunningServer.with(Self.server(f, settings: settings)) { client in
            // A header that never ends: closed by the server, not by the 10 s read timeout here.
            let slow = try RawConnection(port: client.port)
            slow.send("GET /events/test-forum/feeds/event.ics HTTP/1.1\r\nHost: x\r\nX-Slow: a")
            let start = ContinuousClock.now
            #expect(slow.readUntilClosed().closed)
            #expect(ContinuousClock.now - start < .seconds(5))
            // A kept-alive connection that goes quiet after its answer.
            let idle = try RawConnection(port: client.port)
            idle.send("GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\n\r\n")
            let (text, closed) = idle.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n") && closed)
            // A client that connects and says nothing.
            #expect(try RawConnection(port: client.port).readUntilClosed().closed)
        }
    }

    @Test func overTheCapTheLongestHeldConnectionMakesWay() async throws {
        let f = try Fixture()
        defer { f.remove() }
        let settings = ServerSettings(port: 0, recheck: .zero, maximumConnections: 2)
        try await RunningServer.with(Self.server(f, settings: settings)) { client in
            // Two clients hold kept-alive connections (each answered once, so each is surely counted).
            let first = try RawConnection(port: client.port)
            first.send("GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = first.read(until: "</html>")
            let second = try RawConnection(port: client.port)
            second.send("GET /events/test-forum/agenda HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = second.read(until: "</html>")
            // A client that asks at once is served; the oldest holder is closed to make room.
            let reply = try await client.get(Fixture.address("/agenda"))
            #expect(reply.status == 200)
            #expect(first.readUntilClosed(seconds: 3).closed)
        }
    }

    @Test func aRevokedLinkIsRefusedAtOnceEvenBetweenChecks() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        let token = try subscriptions.issue(for: "ito", at: Fixture.at("2027-02-03T00:00:00Z"))
        // Public feeds may be a minute old; private ones never outlive their token.
        let settings = ServerSettings(port: 0, recheck: .seconds(60))
        try await RunningServer.with(Self.server(f, settings: settings)) { client in
            #expect(try await client.get(FeedLinks.privatePath(token)).status == 200)
            try subscriptions.revoke("ito", at: Fixture.at("2027-02-04T00:00:00Z"))
            #expect(try await client.get(FeedLinks.privatePath(token)).status == 404)
        }
    }

    @Test func requestLogsNeverShowATokenAndOverlongHeadersGet431() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let token = try FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
            .issue(for: "ito", at: Fixture.at("2027-02-03T00:00:00Z"))
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in lines }
        let settings = ServerSettings(port: 0, recheck: .zero, logRequests: true)
        try await RunningServer.with(Self.server(f, settings: settings, logger: logger)) { client in
            let mine = try await client.get(FeedLinks.privatePath(token))
            #expect(mine.status == 200)
            let big = try await client.get(Fixture.address("/feeds/event.ics"), headers: ["X-Big": String(repeating: "b", count: 9_000)])
            #expect(big.status == 431)
        }
        let logged = lines.all.joined(separator: "\n")
        #expect(logged.contains("GET /private/[token] 200"))
        #expect(!logged.contains(token.text))
    }

    @Test func aPortInUseIsSaidInWords() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            let second = Self.server(f, settings: ServerSettings(port: client.port))
            do {
                try await second.service { _ in }.run()
                Issue.record("a second server bound the same port")
            } catch let error as ServerError {
                #expect(error.description == "serve: cannot listen on 127.0.0.1:\(client.port): the address is already in use "
                    + "(is another server running there? choose another --port)")
            }
        }
    }
}

/// Collects log lines, for tests that read what was logged.
final class LogLines: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.lock()
        lines.append("\(event.message)")
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
