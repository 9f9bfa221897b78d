import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

/// The server over HTTP on 127.0.0.1: headers, conditional requests, changes, tokens and bad requests.
@Suite(.serialized)
struct FeedServerTests {
    static func server(_ fixture: Fixture) -> FeedServer {
        FeedServer(store: fixture.store, settings: ServerSettings(port: 0, recheck: .zero),
                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, pages: false)
    }

    @Test func eventFeedHasCalendarHeadersAndEverySession() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            let reply = try await client.get(Fixture.address("/feeds/event.ics"))
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/calendar; charset=utf-8")
            #expect(reply.header("Content-Encoding") == nil)
            #expect(reply.header("Date")?.hasSuffix(" GMT") == true)
            #expect(reply.header("Cache-Control") == "public, max-age=3600")
            #expect(reply.header("Last-Modified") == "Mon, 01 Feb 2027 08:00:00 GMT")
            let etag = try #require(reply.header("ETag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            #expect(reply.header("Content-Length") == String(reply.body.count))
            #expect(reply.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            for session in ["opening", "access", "industry"] {
                #expect(reply.text.contains(Publication.uid(event: "test-forum", session: session)))
            }
        }
    }

    @Test func matchingETagOrDateGives304AndHeadGivesNoBody() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            let first = try await client.get(Fixture.address("/feeds/rooms/hall.ics"))
            let etag = try #require(first.header("ETag"))
            let again = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
            let listed = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), headers: ["If-None-Match": "\"other\", W/\(etag)"])
            #expect(listed.status == 304)
            let dated = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), headers: ["If-Modified-Since": "Mon, 01 Feb 2027 08:00:00 GMT"])
            #expect(dated.status == 304)
            let older = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), headers: ["If-Modified-Since": "Sun, 31 Jan 2027 08:00:00 GMT"])
            #expect(older.status == 200)
            let stale = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), headers: ["If-None-Match": "\"stale\""])
            #expect(stale.status == 200)
            #expect(stale.body == first.body)
            let head = try await client.get(Fixture.address("/feeds/rooms/hall.ics"), method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("ETag") == etag)
            #expect(head.header("Content-Length") == String(first.body.count))
        }
    }

    @Test func newScheduleVersionGivesNewETagWithoutRestart() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            let before = try await client.get(Fixture.address("/feeds/event.ics"))
            // What `convene move` then `convene publish` do: a new version with one session elsewhere, from another connection.
            let other = try Store(path: f.store.path)
            let moved = [
                Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-03-12T09:00:00+09:00")),
                Assignment(session: "access", room: "hall", start: Fixture.at("2027-03-12T10:30:00+09:00")),
                Assignment(session: "industry", room: "room-b", start: Fixture.at("2027-03-12T10:30:00+09:00")),
            ]
            // A draft alone changes nothing anyone sees.
            try f.publish(moved, at: Fixture.at("2027-02-02T08:00:00Z"), through: other, draftOnly: true)
            let draft = try await client.get(Fixture.address("/feeds/event.ics"), headers: ["If-None-Match": before.header("ETag")!])
            #expect(draft.status == 304)
            #expect(try await client.get(Fixture.address("/")).text.contains("Schedule version 1"))
            try Publisher(store: other).publish(try Publisher(store: other).plan(at: Fixture.at("2027-02-02T09:00:00Z")),
                                                force: true, reason: nil)
            let after = try await client.get(Fixture.address("/feeds/event.ics"), headers: ["If-None-Match": before.header("ETag")!])
            #expect(after.status == 200)
            #expect(after.header("ETag") != before.header("ETag"))
            #expect(after.header("Last-Modified") == "Tue, 02 Feb 2027 09:00:00 GMT")
            #expect(after.text.contains("SEQUENCE:1"))
        }
    }

    @Test func privateFeedOpensOnlyWithALiveToken() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        let token = try subscriptions.issue(for: "ito", at: Fixture.at("2027-02-03T00:00:00Z"))
        try await RunningServer.with(Self.server(f)) { client in
            let mine = try await client.get(FeedLinks.privatePath(token))
            #expect(mine.status == 200)
            #expect(mine.header("Cache-Control") == "private, max-age=3600")
            #expect(mine.text.contains("ATTENDEE"))
            #expect(mine.text.contains(Publication.uid(event: "test-forum", session: "opening")))
            #expect(!mine.text.contains(Publication.uid(event: "test-forum", session: "industry")))

            let unknown = try await client.get(FeedLinks.privatePath(PrivateFeedToken.random()))
            try subscriptions.revoke("ito", at: Fixture.at("2027-02-04T00:00:00Z"))
            let revoked = try await client.get(FeedLinks.privatePath(token))
            let garbage = try await client.get("/private/not-a-token.ics")
            for reply in [unknown, revoked, garbage] {
                #expect(reply.status == 404)
                #expect(reply.body == unknown.body)
                #expect(reply.headers.filter { $0.key != "date" } == unknown.headers.filter { $0.key != "date" })
            }
            // Person feeds are never served by their public-looking path.
            #expect(try await client.get(Fixture.address("/feeds/people/ito.ics")).status == 404)
        }
    }

    @Test func badRequestsGet4xxAndNeverAFile() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            for path in ["/feeds/../../../etc/passwd", "/feeds/%2e%2e/%2e%2e/etc/passwd", "/feeds/rooms/..%2f..%2fetc%2fpasswd",
                         "/feeds/%00.ics", "/feeds/rooms\\..\\event.ics", "/feeds/%zz.ics"] {
                let reply = try await client.get(Fixture.address(path))
                #expect(reply.status == 400, "\(path)")
                #expect(!reply.text.contains("root:"))
            }
            #expect(try await client.get("/etc/passwd").status == 404)
            #expect(try await client.get(Fixture.address("/feeds/") + String(repeating: "a", count: 5000) + ".ics").status == 414)
            for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
                let reply = try await client.get(Fixture.address("/feeds/event.ics"), method: method)
                #expect(reply.status == 405, "\(method)")
                #expect(reply.header("Allow") == "GET, HEAD")
            }
            // Still serving after all that.
            #expect(try await client.get(Fixture.address("/feeds/event.ics")).status == 200)
        }
    }

    @Test func agendaShowsEveryScheduledSessionAndNoAttendance() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            for path in ["/", "/agenda"] {
                let page = try await client.get(Fixture.address(path))
                #expect(page.status == 200)
                #expect(page.header("Content-Type") == "text/html; charset=utf-8")
                for session in ["opening", "access", "industry"] {
                    #expect(page.text.contains("data-session=\"\(session)\""))
                }
                #expect(page.text.contains("Access to trials &amp; &lt;drugs&gt;"))
                // Every link is the event's own address, the one that stays once another event is imported.
                #expect(page.text.contains("/events/test-forum/feeds/event.ics\""))
                #expect(page.text.contains("webcal://127.0.0.1:\(client.port)/events/test-forum/feeds/event.ics\""))
                #expect(!page.text.contains(":\(client.port)/feeds/") && !page.text.contains(":\(client.port)/schedule."))
                // Speakers who are public are named with their group; the patient is not named.
                #expect(page.text.contains("Sophie Martin") && page.text.contains("Kimura Daiki"))
                #expect(!page.text.contains("Ito Naoko") && page.text.contains("A patient organization representative"))
                for person in f.event.stakeholders { #expect(!page.text.contains(person.email)) }
                #expect(page.text.contains("/events/test-forum/schedule.xml\""))
                #expect(!page.text.contains("/feeds/people/"))
                #expect(!page.text.contains("<script"))
            }
        }
    }

    @Test func scheduleExportsAreServedWithETagsAndNameNoPatient() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try await RunningServer.with(Self.server(f)) { client in
            for (path, type) in [("/schedule.xml", "application/xml; charset=utf-8"), ("/schedule.json", "application/json; charset=utf-8")] {
                let reply = try await client.get(Fixture.address(path))
                #expect(reply.status == 200)
                #expect(reply.header("Content-Type") == type)
                #expect(reply.text.contains("Access to trials") && reply.text.contains("Sophie Martin"))
                #expect(!reply.text.contains("Ito Naoko"))
                let etag = try #require(reply.header("ETag"))
                #expect(try await client.get(Fixture.address(path), headers: ["If-None-Match": etag]).status == 304)
            }
        }
    }

    @Test func beforeAnyScheduleFeedsAreEmptyCalendars() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try await RunningServer.with(Self.server(f)) { client in
            let reply = try await client.get(Fixture.address("/feeds/event.ics"))
            #expect(reply.status == 200)
            #expect(!reply.text.contains("BEGIN:VEVENT"))
            #expect(try await client.get(Fixture.address("/")).text.contains("No schedule has been published yet."))
        }
    }
}
