import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Testing

/// `serve --config` with a `calendars` section: the worker refreshes live calendars on its own, a
/// change becomes a fact, a failure keeps the last good busy times, and /healthz and /metrics say so.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct CalendarWorkerTests {
    /// Waits up to 15 s for `condition`.
    func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<150 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func theWorkerRefreshesRecordsChangesAndReportsFailuresPerPerson() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let calendars = try CalendarServer()
        defer { calendars.stop() }
        try calendars.serve("sophie.ics", busy: [("20270312T010000", "20270312T020000")])
        let address = calendars.url("/sophie.ics")
        _ = try LiveCalendars(store: f.store, fetcher: CalendarFetcher(allowPrivateAddresses: true))
            .save(person: "martin", address: address, at: Fixture.at("2027-02-02T00:00:00Z"))
        let config = f.folder.appendingPathComponent("convene.yaml").path
        try """
            database: test.sqlite
            http: {port: 0}
            calendars: {every: 1, allowPrivateAddresses: true}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try ServiceConfig(file: config).calendars?.allowPrivateAddresses == true)
        let defaults = f.folder.appendingPathComponent("defaults.yaml").path
        try "calendars: {every: 5}\n".write(toFile: defaults, atomically: true, encoding: .utf8)
        #expect(try ServiceConfig(file: defaults).calendars?.allowPrivateAddresses == false, "private addresses are refused by default")

        let service = ConveneService(config: try ServiceConfig(file: config), store: f.store)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await service.run { continuation.yield($0) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let client = HTTPClient(port: port)
        let revision = try f.store.factsRevision()

        try calendars.serve("sophie.ics", busy: [("20270312T010000", "20270312T020000"), ("20270312T040000", "20270312T050000")])
        #expect(try await eventually { try f.store.liveCalendars()["martin"]?.busy.count == 2 })
        #expect(try f.store.factsRevision() == revision + 1)
        #expect(try f.store.auditLog().last?.detail.contains("by a refresh: 2 busy times read") == true)
        let metrics = try await client.get("/metrics").text
        #expect(metrics.contains("convene_calendar_last_refresh_timestamp_seconds{kind=\"live\",person=\"martin\"}")
            || metrics.contains("convene_calendar_last_refresh_timestamp_seconds{person=\"martin\",kind=\"live\"}"), "\(metrics)")
        #expect(!metrics.contains("sophie.ics"))

        try FileManager.default.removeItem(atPath: calendars.folder + "/sophie.ics")
        #expect(try await eventually { try f.store.liveCalendars()["martin"]?.state.failures ?? 0 > 0 })
        #expect(try f.store.liveCalendars()["martin"]?.busy.count == 2, "a failed fetch keeps the last good busy times")
        #expect(try f.store.factsRevision() == revision + 1)
        // The store has the failure as soon as it is read; the worker reports its round when the round ends.
        var worker: [String: Any] = [:]
        for _ in 0..<150 {
            let health = try await client.get("/healthz")
            let workers = try #require((try JSONSerialization.jsonObject(with: health.body) as? [String: Any])?["workers"] as? [String: Any])
            worker = try #require(workers["calendars"] as? [String: Any])
            if worker["state"] as? String == "failing" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(worker["state"] as? String == "failing")
        #expect((worker["lastError"] as? String)?.contains("martin: calendar at http://127.0.0.1:\(calendars.port)/…: the server answered HTTP 404") == true)
        let failed = try await client.get("/metrics").text
        #expect(failed.split(separator: "\n").contains { $0.hasPrefix("convene_calendar_refresh_failures_total") && $0.contains("martin") && $0.hasSuffix(" 1") },
                "\(failed)")
        task.cancel()
        _ = await task.result
    }

    /// Calendar files that cannot be read are reported and read again only after a backoff, and the
    /// busy times stored stay as they were.
    @Test func unreadableCalendarFilesBackOff() async throws {
        let f = try Fixture()
        defer { f.remove() }
        var event = f.event
        event.stakeholders[1].calendars = ["missing.ics"]
        try f.store.save(ChangeRecord(basedOn: nil, command: "import", detail: "", plan: ChangeRecord.Plan(
            event: event, file: f.folder.appendingPathComponent("plan.yaml").path, busy: [:])), at: Fixture.at("2027-02-02T00:00:00Z"))
        let config = f.folder.appendingPathComponent("convene.yaml").path
        try "database: test.sqlite\nhttp: {port: 0}\ncalendars: {every: 1}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let revision = try f.store.factsRevision()
        let service = ConveneService(config: try ServiceConfig(file: config), store: f.store)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await service.run { continuation.yield($0) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let client = HTTPClient(port: try #require(await iterator.next()))
        try await Task.sleep(for: .milliseconds(3500))
        let health = try await client.get("/healthz")
        let workers = try #require((try JSONSerialization.jsonObject(with: health.body) as? [String: Any])?["workers"] as? [String: Any])
        let worker = try #require(workers["calendars"] as? [String: Any])
        #expect(worker["state"] as? String == "failing" && (worker["lastError"] as? String)?.contains("calendar files:") == true)
        let failures = try await client.get("/metrics").text.split(separator: "\n")
            .first { $0.hasPrefix("convene_calendar_refresh_failures_total") && $0.contains("files") }
        let count = failures.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } ?? 0
        // Passes at 0, 1, 2 and 3 s; reads at 0 and 2 s only (then not before 6 s).
        #expect(count >= 1 && count <= 2, "\(String(describing: failures))")
        #expect(try f.store.factsRevision() == revision)
        task.cancel()
        _ = await task.result
    }
}
