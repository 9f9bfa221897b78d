import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// A server on a store of two events: the index at `/`, each event under `/events/ID/`, today's
/// addresses while the store holds one, and the workers going through every event.
@Suite(.serialized)
struct ManyEventsServerTests {
    static let forum = "test-forum"
    static let symposium = "test-symposium"

    static func server(_ f: Fixture) -> FeedServer {
        FeedServer(store: f.store, settings: ServerSettings(port: 0, recheck: .zero),
                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// The fixture's forum, published, and beside it in the same store a symposium that reuses its room,
    /// session and person ids on purpose (Ito takes part in both), published too.
    static func twoEvents() throws -> Fixture {
        let f = try Fixture()
        try f.schedule()
        try addSymposium(f)
        return f
    }

    static func addSymposium(_ f: Fixture) throws {
        var e = f.event
        e.id = symposium
        e.name = LocalizedText(en: "Tokyo Symposium")
        e.days = [EventDay(date: LocalDate(year: 2027, month: 4, day: 20), opens: Fixture.at("2027-04-20T09:00:00+09:00"),
                           closes: Fixture.at("2027-04-20T18:00:00+09:00"))]
        e.venue = Venue(name: LocalizedText(en: "Symposium Hall"), address: LocalizedText(en: "Chiyoda, Tokyo"))
        e.organizer = Organizer(name: "Symposium Office", email: "symposium@example.org")
        e.stakeholders = f.event.stakeholders.filter { $0.id == "ito" }
        e.sessions = [Session(id: "opening", title: LocalizedText(en: "Symposium keynote"), kind: .plenary, duration: 60,
                              required: ["ito"])]
        let store = f.store.scoped(to: symposium)
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: e, file: "symposium.yaml", busy: [:])),
                       at: Fixture.at("2027-01-11T10:00:00Z"))
        try f.publish([Assignment(session: "opening", room: "hall", start: Fixture.at("2027-04-20T10:00:00+09:00"))],
                      at: Fixture.at("2027-02-03T08:00:00Z"), through: store)
    }

    @Test func theIndexListsEveryEventAndEachIsServedUnderItsOwnPath() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            let index = try await client.get("/")
            #expect(index.status == 200)
            #expect(index.header("Content-Type") == "text/html; charset=utf-8")
            let page = index.text
            #expect(page.contains("Rare Cancers Forum") && page.contains("Tokyo Symposium"))
            #expect(page.contains("/events/\(Self.forum)/\"") && page.contains("/events/\(Self.symposium)/\""))
            #expect(page.contains("2027-03-12") && page.contains("2027-04-20"))
            #expect(page.contains("Symposium Hall, Chiyoda, Tokyo") && page.contains("Symposium Office") && page.contains("Office"))
            // In order of their first day: the forum (March) before the symposium (April).
            #expect(page.range(of: "Rare Cancers Forum")!.lowerBound < page.range(of: "Tokyo Symposium")!.lowerBound)

            for (event, other) in [(Self.forum, Self.symposium), (Self.symposium, Self.forum)] {
                let feed = try await client.get("/events/\(event)/feeds/event.ics")
                #expect(feed.status == 200)
                #expect(feed.text.contains("UID:opening.\(event)@convene") && !feed.text.contains(".\(other)@convene"))
                let programme = try await client.get("/events/\(event)/")
                #expect(programme.status == 200)
                // Its links stay within the event.
                #expect(programme.text.contains("/events/\(event)/feeds/event.ics") && programme.text.contains("/events/\(event)/schedule.xml"))
                #expect(programme.text.contains("<a href=\"http://127.0.0.1:\(client.port)/\">All events</a>"))
                let xml = try await client.get("/events/\(event)/schedule.xml")
                #expect(xml.status == 200 && xml.text.contains("<schedule"))
                #expect(try await client.get("/events/\(event)/schedule.json").status == 200)
            }
            #expect(try await client.get("/events/\(Self.symposium)/feeds/rooms/hall.ics").text.contains("Symposium keynote"))
            // With two events a path without one is nobody's, and an unknown event is not found.
            #expect(try await client.get("/feeds/event.ics").status == 404)
            #expect(try await client.get("/schedule.xml").status == 404)
            #expect(try await client.get("/events/no-such-event/feeds/event.ics").status == 404)
            #expect(try await client.get("/events/\(Self.forum)/feeds/nothing.ics").status == 404)
        }
    }

    @Test func whileTheStoreHoldsOneEventTodaysAddressesServeTheSameBytes() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            for (old, new) in [("/feeds/event.ics", "/events/\(Self.forum)/feeds/event.ics"),
                               ("/feeds/rooms/hall.ics", "/events/\(Self.forum)/feeds/rooms/hall.ics")] {
                let a = try await client.get(old), b = try await client.get(new)
                #expect(a.status == 200 && b.status == 200)
                #expect(a.body == b.body && a.header("ETag") == b.header("ETag"))
                // A client holding the old address's ETag gets its 304 at the new one.
                #expect(try await client.get(new, headers: ["If-None-Match": a.header("ETag")!]).status == 304)
            }
            let top = try await client.get("/")
            #expect(top.status == 200 && top.text.contains("Opening plenary"))
            #expect(top.text.contains("/feeds/event.ics") && !top.text.contains("/events/"))
            #expect(!top.text.contains("All events"))
            #expect(try await client.get("/events/\(Self.forum)/").text.contains("/events/\(Self.forum)/feeds/event.ics"))

            // A second event imported while the server runs: `/` becomes the index, without a restart.
            try Self.addSymposium(f)
            let index = try await client.get("/")
            #expect(index.text.contains("Tokyo Symposium") && index.text.contains("/events/\(Self.forum)/"))
            #expect(try await client.get("/feeds/event.ics").status == 404)
            #expect(try await client.get("/events/\(Self.forum)/feeds/event.ics").status == 200)
        }
    }

    @Test func oneEventsPublishLeavesTheOthersFeedsByteForByte() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            let forum = try await client.get("/events/\(Self.forum)/feeds/event.ics")
            let symposium = try await client.get("/events/\(Self.symposium)/feeds/event.ics")
            try f.publish([Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-04-20T11:00:00+09:00"))],
                          at: Fixture.at("2027-02-04T08:00:00Z"), through: f.store.scoped(to: Self.symposium))
            let forumAfter = try await client.get("/events/\(Self.forum)/feeds/event.ics")
            let symposiumAfter = try await client.get("/events/\(Self.symposium)/feeds/event.ics")
            #expect(forumAfter.body == forum.body && forumAfter.header("ETag") == forum.header("ETag"))
            #expect(forumAfter.header("Last-Modified") == forum.header("Last-Modified"))
            #expect(symposiumAfter.header("ETag") != symposium.header("ETag"))
            #expect(symposiumAfter.text.contains("Room B"))
        }
    }

    @Test func aPersonsPrivateFeedHoldsTheirSessionsOfEveryEventTheyAreIn() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        let tokens = FeedSubscriptions(store: f.store.scoped(to: Self.forum))
        let ito = FeedLinks.privatePath(try tokens.issue(for: "ito", at: Fixture.at("2027-02-05T00:00:00Z")))
        let martin = FeedLinks.privatePath(try tokens.issue(for: "martin", at: Fixture.at("2027-02-05T00:00:00Z")))
        try await RunningServer.with(Self.server(f)) { client in
            let feed = try await client.get(ito)
            #expect(feed.status == 200)
            #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
            #expect(feed.header("Cache-Control")?.hasPrefix("private") == true)
            let text = feed.text
            // Ito's sessions in both events, none of the sessions she is not in; one calendar named after her.
            for uid in ["opening.\(Self.forum)", "access.\(Self.forum)", "opening.\(Self.symposium)"] {
                #expect(text.contains("UID:\(uid)@convene\r\n"), "\(uid)")
            }
            #expect(!text.contains("industry.") && text.contains("X-WR-CALNAME:Ito Naoko\r\n"))
            #expect(text.components(separatedBy: "BEGIN:VCALENDAR").count == 2)
            #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
            let again = try await client.get(ito, headers: ["If-None-Match": feed.header("ETag")!])
            #expect(again.status == 304)
            // Someone in one event only gets that event's feed, as before.
            let own = try await client.get(martin)
            #expect(own.status == 200 && own.text.contains(".\(Self.forum)@convene") && !own.text.contains(".\(Self.symposium)@convene"))

            // A publish of either event changes her feed at once.
            try f.publish([Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-04-20T11:00:00+09:00"))],
                          at: Fixture.at("2027-02-06T08:00:00Z"), through: f.store.scoped(to: Self.symposium))
            let moved = try await client.get(ito)
            #expect(moved.header("ETag") != feed.header("ETag") && moved.text.contains("Room B"))
            try tokens.revoke("ito", at: Fixture.at("2027-02-06T09:00:00Z"))
            #expect(try await client.get(ito).status == 404)
        }
    }

    @Test func aPersonsPageShowsEachEventAndEachFormAnswersForItsOwnEvent() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        let path = PageLinks.path(try PageLinks(store: f.store.scoped(to: Self.forum)).issue(for: "ito", at: Fixture.at("2027-02-05T00:00:00Z")))
        try await RunningServer.with(Self.server(f)) { client in
            let page = try await client.get(path)
            #expect(page.status == 200)
            let text = page.text
            // A part per event: its name, sessions, availability grid and calendar, each form naming its event.
            #expect(text.contains("<h1>希少がんフォーラム</h1>") && text.contains("<h1>Tokyo Symposium</h1>"))
            #expect(text.contains("<title>希少がんフォーラム · Tokyo Symposium — Ito Naoko 様</title>"))
            for event in [Self.forum, Self.symposium] {
                #expect(text.contains("id=\"\(event)-opening\"") && text.contains("id=\"\(event)-availability\""))
                #expect(text.contains("<input type=\"hidden\" name=\"event\" value=\"\(event)\">"))
            }
            #expect(text.contains("Symposium keynote") && text.contains("id=\"\(Self.forum)-access\""))
            #expect(!text.contains("id=\"\(Self.symposium)-access\""))
            let key = try PageSiteTests.formKey(text)
            let origin = "http://127.0.0.1:\(client.port)"

            // A decline of the symposium's opening is the symposium's alone, though the forum has a session of that id.
            let posted = try await client.post(path + "/answer", form: "form=\(key)&event=\(Self.symposium)&session=opening&answer=decline",
                                               origin: origin)
            #expect(posted.status == 303)
            #expect(posted.header("Location") == path + "?said=saved&event=\(Self.symposium)#\(Self.symposium)-opening")
            let declined = try f.store.scoped(to: Self.symposium).answers()
            #expect(declined.count == 1 && declined.first?.person == "ito" && declined.first?.answer == .declined)
            #expect(try f.store.scoped(to: Self.forum).answers().isEmpty)
            let shown = try await client.get(path + "?said=saved&event=\(Self.symposium)")
            // The notice is shown once, in the symposium's part.
            #expect(shown.text.components(separatedBy: "class=\"notice\"").count == 2)
            #expect(shown.text.range(of: "class=\"notice\"")!.lowerBound > shown.text.range(of: "<h1>Tokyo Symposium</h1>")!.lowerBound)

            let saved = try await client.post(path + "/availability", form: "form=\(key)&event=\(Self.forum)&anytime=1&note=Mornings",
                                              origin: origin)
            #expect(saved.header("Location") == path + "?said=availability&event=\(Self.forum)#\(Self.forum)-availability")
            // A form that names no event, or one the person is not in, is refused and records nothing.
            let unnamed = try await client.post(path + "/answer", form: "form=\(key)&session=opening&answer=accept", origin: origin)
            #expect(unnamed.status == 400 && unnamed.text.contains("which event"))
            let foreign = try await client.post(path + "/answer", form: "form=\(key)&event=elsewhere&session=opening&answer=accept",
                                                origin: origin)
            #expect(foreign.status == 400)
            #expect(try f.store.scoped(to: Self.forum).answers().isEmpty)
        }
    }

    @Test func theCalendarWorkerReportsAFailingEventThoughAnotherIsWell() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        var event = f.event
        event.stakeholders[1].calendars = ["missing.ics"]
        let forum = f.store.scoped(to: Self.forum)
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
        #expect((worker["lastError"] as? String)?.hasPrefix("\(Self.forum): calendar files:") == true, "\(worker)")
        // The service serves both events meanwhile.
        #expect(try await client.get("/events/\(Self.symposium)/feeds/event.ics").status == 200)
        task.cancel()
        _ = await task.result
    }

    @Test func aLiveCalendarSavedInOneEventIsReadOverTheDaysOfEveryEventOfThePerson() throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        let calendars = try CalendarServer()
        defer { calendars.stop() }
        // One busy hour on the forum's day and one on the symposium's, in UTC.
        try calendars.serve("ito.ics", busy: [("20270312T030000", "20270312T040000"), ("20270420T050000", "20270420T060000")])
        let forum = f.store.scoped(to: Self.forum), symposium = f.store.scoped(to: Self.symposium)
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

    @Test func feedsListGivesPublicLinksUnderTheEventsPathOnceTheDatabaseHoldsSeveral() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let links = try FeedLinks(baseURL: "https://events.example.org")
        let one = try FeedSubscriptions(store: f.store).list(links: links, at: Fixture.at("2027-02-05T00:00:00Z"))
        #expect(one.first { $0.kind == "event" }?.web == "https://events.example.org/feeds/event.ics")
        try Self.addSymposium(f)
        let listed = try FeedSubscriptions(store: f.store.scoped(to: Self.symposium)).list(links: links, at: Fixture.at("2027-02-05T00:00:00Z"))
        #expect(listed.first { $0.kind == "event" }?.web == "https://events.example.org/events/\(Self.symposium)/feeds/event.ics")
        #expect(listed.first { $0.kind == "event" }?.webcal == "webcal://events.example.org/events/\(Self.symposium)/feeds/event.ics")
        // Ito already has a private link (issued through the forum): the symposium's listing shows it as active.
        #expect(listed.first { $0.kind == "person" && $0.id == "ito" }?.status == "active")
    }

    @Test func theDigestWorkerQueuesADigestPerEvent() throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        let worker = DigestWorker(store: f.store, to: "digest@example.org", every: .seconds(60), operations: Operations(),
                                  logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let queued = try worker.tick(at: Fixture.at("2027-02-05T09:00:00Z"))
        #expect(queued.count == 2)
        #expect(Set(queued.map(\.messageID)).count == 2)
        for event in [Self.forum, Self.symposium] {
            #expect(try f.store.scoped(to: event).outboxStatus().queued >= 1)
        }
        #expect(try worker.tick(at: Fixture.at("2027-02-05T09:01:00Z")).isEmpty)
    }

    @Test func theDeliveryWorkerSendsEveryEventsMailFromItsOrganizer() async throws {
        let f = try Self.twoEvents()
        defer { f.remove() }
        let folder = f.folder.appendingPathComponent("sent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queued = try [Self.forum, Self.symposium].map { try f.store.scoped(to: $0).outboxStatus().queued }
        #expect(queued.allSatisfy { $0 > 0 })
        let worker = DeliveryWorker(store: f.store, smtp: ServiceConfig.SMTP(url: "file:" + folder.path), every: .milliseconds(100),
                                    operations: Operations(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let task = Task { try await worker.run() }
        defer { task.cancel() }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try [Self.forum, Self.symposium].contains(where: { try f.store.scoped(to: $0).outboxStatus().queued > 0 }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        task.cancel()
        _ = await task.result
        for event in [Self.forum, Self.symposium] {
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
