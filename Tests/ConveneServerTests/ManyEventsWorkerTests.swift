import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Logging
import Testing

/// The service's workers on a store of two events: each goes through every event, and reports on all of them.
@Suite(.serialized)
struct ManyEventsWorkerTests {
    @Test func theCalendarWorkerReportsAFailingEventThoughAnotherIsWell() async throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        var event = f.event
        event.stakeholders[1].calendars = ["missing.ics"]
        let forum = f.store.scoped(to: ManyEventsServerTests.forum)
        try forum.save(ChangeRecord(basedOn: try forum.currentSchedule()?.number, command: "import", detail: "", plan: ChangeRecord.Plan(
            event: event, file: f.folder.appendingPathComponent("plan.yaml").path, busy: [:])), at: Fixture.at("2027-02-05T00:00:00Z"))
        let config = f.folder.appendingPathComponent("convene.yaml").path
        try "database: test.sqlite\nhttp: {port: 0}\ncalendars: {every: 1}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let service = ConveneService(config: try ServiceConfig(file: config), store: f.store)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await service.run { continuation.yield($0) } }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let client = HTTPClient(port: try #require(await iterator.next()))
        // The symposium, refreshed after the forum in every pass, does not hide the forum's failure.
        try await Task.sleep(for: .milliseconds(1500))
        let health = try await client.get("/healthz")
        let workers = try #require((try JSONSerialization.jsonObject(with: health.body) as? [String: Any])?["workers"] as? [String: Any])
        let worker = try #require(workers["calendars"] as? [String: Any])
        #expect(worker["state"] as? String == "failing")
        #expect((worker["lastError"] as? String)?.hasPrefix("\(ManyEventsServerTests.forum): calendar files:") == true, "\(worker)")
        // The service serves both events meanwhile.
        #expect(try await client.get("/events/\(ManyEventsServerTests.symposium)/feeds/event.ics").status == 200)
        task.cancel()
        _ = await task.result
    }

    @Test func aLiveCalendarSavedInOneEventIsReadOverTheDaysOfEveryEventOfThePerson() throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let calendars = try CalendarServer()
        defer { calendars.stop() }
        // One busy hour on the forum's day and one on the symposium's, in UTC.
        try calendars.serve("ito.ics", busy: [("20270312T030000", "20270312T040000"), ("20270420T050000", "20270420T060000")])
        let forum = f.store.scoped(to: ManyEventsServerTests.forum), symposium = f.store.scoped(to: ManyEventsServerTests.symposium)
        let fetcher = CalendarFetcher(allowPrivateAddresses: true)
        let symposiumRevision = try symposium.factsRevision()
        let saved = try LiveCalendars(store: forum, fetcher: fetcher).save(person: "ito", address: calendars.url("/ito.ics"),
                                                                           at: Fixture.at("2027-02-05T00:00:00Z"))
        #expect(saved.outcome == .changed(2))
        #expect(try LiveCalendars(store: forum, fetcher: fetcher).shown(for: "ito")?.inEventDays.count == 1)
        #expect(try LiveCalendars(store: symposium, fetcher: fetcher).shown(for: "ito")?.inEventDays.count == 1)
        // The symposium's facts changed with it: a draft worked out before is stale there too.
        #expect(try symposium.factsRevision() > symposiumRevision)
        // A refresh through either event finds the calendar as read.
        let refreshed = try LiveCalendars(store: symposium, fetcher: fetcher).refresh(at: Fixture.at("2027-02-05T01:00:00Z"))
        #expect(refreshed.map(\.outcome) == [.unchanged])
    }

    @Test func theDigestWorkerQueuesADigestPerEvent() throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let worker = DigestWorker(store: f.store, to: "digest@example.org", every: .seconds(60), operations: Operations(),
                                  logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let queued = try worker.tick(at: Fixture.at("2027-02-05T09:00:00Z"))
        #expect(queued.count == 2)
        #expect(Set(queued.map(\.messageID)).count == 2)
        for event in [ManyEventsServerTests.forum, ManyEventsServerTests.symposium] {
            #expect(try f.store.scoped(to: event).outboxStatus().queued >= 1)
        }
        #expect(try worker.tick(at: Fixture.at("2027-02-05T09:01:00Z")).isEmpty)
    }

    @Test func theDeliveryWorkerSendsEveryEventsMailFromItsOrganizer() async throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let folder = f.folder.appendingPathComponent("sent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queued = try [ManyEventsServerTests.forum, ManyEventsServerTests.symposium].map { try f.store.scoped(to: $0).outboxStatus().queued }
        #expect(queued.allSatisfy { $0 > 0 })
        let worker = DeliveryWorker(store: f.store, smtp: ServiceConfig.SMTP(url: "file:" + folder.path), every: .milliseconds(100),
                                    operations: Operations(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let task = Task { try await worker.run() }
        defer { task.cancel() }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try [ManyEventsServerTests.forum, ManyEventsServerTests.symposium].contains(where: { try f.store.scoped(to: $0).outboxStatus().queued > 0 }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        task.cancel()
        _ = await task.result
        for event in [ManyEventsServerTests.forum, ManyEventsServerTests.symposium] {
            #expect(try f.store.scoped(to: event).outboxStatus().queued == 0)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
        #expect(names.count == queued.reduce(0, +))
        let texts = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        // Each event's mail comes from its own organizer.
        #expect(texts.contains { $0.contains("From: Office <office@example.org>") || $0.contains("office@example.org>") })
        #expect(texts.contains { $0.contains("symposium@example.org") })
    }
}
