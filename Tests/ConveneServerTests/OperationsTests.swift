import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

/// `/healthz` and `/metrics`, answered by a server that is part of a service, and only by one.
@Suite(.serialized)
struct OperationsTests {
    static func server(_ fixture: Fixture, operations: Operations?) -> FeedServer {
        FeedServer(store: fixture.store, settings: ServerSettings(port: 0, recheck: .zero),
                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, pages: false, operations: operations)
    }

    @Test func healthzGivesEachWorkersStateAsJSON() async throws {
        let f = try Fixture()
        defer { f.remove() }
        let operations = Operations()
        operations.set("delivery", state: "failing", lastRun: "2027-02-01T08:00:00Z", lastError: .some("421 try later"))
        try await RunningServer.with(Self.server(f, operations: operations)) { client in
            let reply = try await client.get("/healthz")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            let object = try JSONSerialization.jsonObject(with: reply.body)
            let json = try #require(object as? [String: Any])
            #expect(json["status"] as? String == "ok")
            let delivery = try #require((json["workers"] as? [String: Any])?["delivery"] as? [String: Any])
            #expect(delivery["state"] as? String == "failing" && delivery["lastError"] as? String == "421 try later")
        }
    }

    @Test func metricsCountRequestsByStatusInPrometheusText() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let operations = Operations()
        operations.mailSent.increment(by: 3)
        try await RunningServer.with(Self.server(f, operations: operations)) { client in
            _ = try await client.get(Fixture.address("/feeds/event.ics"))
            _ = try await client.get("/no-such-path")
            let reply = try await client.get("/metrics")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let lines = reply.text.split(separator: "\n").map(String.init)
            #expect(lines.contains("convene_http_requests_total{status=\"200\"} 1"), "\(lines)")
            #expect(lines.contains("convene_http_requests_total{status=\"404\"} 1"))
            #expect(lines.contains("convene_mail_sent_total 3"))
            #expect(lines.contains { $0.hasPrefix("convene_http_request_duration_seconds_count ") })
        }
    }

    @Test func aBareFeedServerAnswersNeither() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f, operations: nil)) { client in
            let health = try await client.get("/healthz")
            let metrics = try await client.get("/metrics")
            #expect(health.status == 404 && metrics.status == 404)
        }
    }
}
