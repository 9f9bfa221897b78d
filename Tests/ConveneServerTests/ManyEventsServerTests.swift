import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

/// A server on a store of two events: the index at `/`, each event under `/events/ID/`, the top-level
/// addresses redirecting there while the store holds one.
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

    @Test func whileTheStoreHoldsOneEventTodaysAddressesRedirectToItsOwn() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let old = ["/", "/agenda", "/schedule.xml", "/schedule.json", "/feeds/event.ics", "/feeds/rooms/hall.ics"]
        try await RunningServer.with(Self.server(f)) { client in
            var etags: [String: String] = [:]
            for path in old {
                let own = "/events/\(Self.forum)" + path
                for query in ["", "?lang=en&from=mail"] {
                    for method in ["GET", "HEAD"] {
                        let moved = try await client.get(path + query, method: method)
                        #expect(moved.status == 308, "\(method) \(path + query)")
                        #expect(moved.header("Location") == own + query, "\(path + query)")
                    }
                }
                let served = try await client.get(own)
                #expect(served.status == 200, "\(own)")
                let etag = try #require(served.header("ETag"), "\(own)")
                etags[own] = etag
                if !path.hasPrefix("/feeds/") { continue }
                #expect(try await client.get(own, headers: ["If-None-Match": etag]).status == 304)
            }
            for path in ["/schedule.xml", "/schedule.json"] {
                let own = "/events/\(Self.forum)" + path
                #expect(try await client.get(own, headers: ["If-None-Match": etags[own]!]).status == 304)
            }
            // Only what the event serves moves; anything else, a feed it has not or a private one, is not found.
            for path in ["/feeds/nothing.ics", "/feeds/people/ito.ics", "/etc/passwd", "/events/", "/agenda/"] {
                #expect(try await client.get(path).status == 404, "\(path)")
            }
            // The programme links to the event's own addresses, and to no index while it is the only event.
            let programme = try await client.get("/events/\(Self.forum)/").text
            #expect(programme.contains("http://127.0.0.1:\(client.port)/events/\(Self.forum)/feeds/event.ics\""))
            #expect(programme.contains("http://127.0.0.1:\(client.port)/events/\(Self.forum)/schedule.xml\""))
            #expect(!programme.contains(":\(client.port)/feeds/") && !programme.contains(":\(client.port)/schedule."))
            #expect(!programme.contains("All events"))

            // A second event imported while the server runs: `/` becomes the index without a restart, the
            // old addresses are nobody's, and every address handed out before still serves the same bytes.
            try Self.addSymposium(f)
            let index = try await client.get("/")
            #expect(index.status == 200 && index.text.contains("Tokyo Symposium") && index.text.contains("/events/\(Self.forum)/"))
            for path in old.dropFirst() {
                #expect(try await client.get(path).status == 404, "\(path)")
            }
            for path in old where path.hasPrefix("/feeds/") || path.hasPrefix("/schedule.") {
                let own = "/events/\(Self.forum)" + path
                #expect(try await client.get(own, headers: ["If-None-Match": etags[own]!]).status == 304, "\(own)")
            }
            let several = try await client.get("/events/\(Self.forum)/").text
            #expect(several.contains("http://127.0.0.1:\(client.port)/events/\(Self.forum)/feeds/event.ics\""))
            #expect(several.contains("All events"))
        }
    }

    @Test func theStartUpLogGivesTheAddressToHandOut() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        for several in [false, true] {
            if several { try Self.addSymposium(f) }
            let lines = LogLines()
            let server = FeedServer(store: f.store, settings: ServerSettings(port: 0, recheck: .zero),
                                    logger: Logger(label: "test") { _ in lines })
            let port = try await RunningServer.with(server) { client in client.port }
            let logged = lines.all.joined(separator: "\n")
            #expect(logged.contains(several ? "index of 2 events: http://127.0.0.1:\(port)/"
                                            : "programme: http://127.0.0.1:\(port)/events/\(Self.forum)/"), "\(logged)")
        }
    }

    @Test func beforeAnyImportTheTopSaysSoAndNothingMoves() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("empty.sqlite").path)
        let server = FeedServer(store: store, settings: ServerSettings(port: 0, recheck: .zero),
                                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await RunningServer.with(server) { client in
            let top = try await client.get("/")
            #expect(top.status == 200 && top.text.contains("No event has been imported yet."))
            #expect(try await client.get("/feeds/event.ics").status == 404)
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

    @Test func feedsListGivesPublicLinksUnderTheEventsPathWhetherTheDatabaseHoldsOneOrSeveral() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let links = try FeedLinks(baseURL: "https://events.example.org")
        let one = try FeedSubscriptions(store: f.store).list(links: links, at: Fixture.at("2027-02-05T00:00:00Z"))
        #expect(one.first { $0.kind == "event" }?.web == "https://events.example.org/events/\(Self.forum)/feeds/event.ics")
        #expect(one.first { $0.kind == "room" && $0.id == "hall" }?.webcal == "webcal://events.example.org/events/\(Self.forum)/feeds/rooms/hall.ics")
        // A private feed is the person's, across events: at the top.
        #expect(one.first { $0.kind == "person" && $0.id == "ito" }?.web?.hasPrefix("https://events.example.org/private/") == true)
        try Self.addSymposium(f)
        let listed = try FeedSubscriptions(store: f.store.scoped(to: Self.symposium)).list(links: links, at: Fixture.at("2027-02-05T00:00:00Z"))
        #expect(listed.first { $0.kind == "event" }?.web == "https://events.example.org/events/\(Self.symposium)/feeds/event.ics")
        #expect(listed.first { $0.kind == "event" }?.webcal == "webcal://events.example.org/events/\(Self.symposium)/feeds/event.ics")
        // Ito already has a private link (issued through the forum): the symposium's listing shows it as active.
        #expect(listed.first { $0.kind == "person" && $0.id == "ito" }?.status == "active")
    }
}
