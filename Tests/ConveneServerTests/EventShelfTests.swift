import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOConcurrencyHelpers
import Testing

/// What serving many events asks of the database: one read of the stamp for a private feed however
/// many events it spans, and the index of events rendered once per change, not once per request.
@Suite(.serialized)
struct EventShelfTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A shelf whose event sources count their stamp reads and loads.
    static func countingShelf(_ f: Fixture, recheck: Duration) -> (EventShelf, NIOLockedValueBox<[FeedCacheTests.CountingSource]>) {
        let sources = NIOLockedValueBox<[FeedCacheTests.CountingSource]>([])
        let shelf = EventShelf(store: f.store, recheck: recheck, logger: logger) { store in
            let source = FeedCacheTests.CountingSource(store)
            sources.withLockedValue { $0.append(source) }
            return source
        }
        return (shelf, sources)
    }

    static func responder(_ shelf: EventShelf) -> FeedResponder {
        FeedResponder(shelf: shelf, agenda: AgendaPage(holder: LinkHolder(FeedLinks.local(host: "127.0.0.1", port: 8080))),
                      pages: nil, logger: logger, logRequests: false)
    }

    static func get(_ responder: FeedResponder, _ path: String) -> Answer {
        responder.respond(to: HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: path))
    }

    static func text(_ answer: Answer) -> String {
        answer.body.map { String(buffer: $0) } ?? ""
    }

    @Test func aPrivateFeedAcrossEventsReadsTheStampOnceAndEachEventOncePerChange() throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let tokens = FeedSubscriptions(store: f.store.scoped(to: ManyEventsServerTests.forum))
        let ito = FeedLinks.privatePath(try tokens.issue(for: "ito", at: Fixture.at("2027-02-05T00:00:00Z")))
        // A long recheck: only the private feed's own check (at every request) can notice a change.
        let (shelf, sources) = Self.countingShelf(f, recheck: .seconds(3600))
        let responder = Self.responder(shelf)
        var etags: Set<String> = []
        for _ in 0..<10 {
            let answer = Self.get(responder, ito)
            #expect(answer.status == .ok)
            #expect(Self.text(answer).contains(".\(ManyEventsServerTests.symposium)@convene"))
            etags.insert(answer.headers[.eTag] ?? "")
        }
        #expect(etags.count == 1)
        // Both events loaded and asked for their stamp once: afterwards the request's one read stands for both.
        #expect(sources.withLockedValue { $0.map(\.loads) } == [1, 1])
        #expect(sources.withLockedValue { $0.map(\.stamps) } == [1, 1])

        // A token issued now opens its feed at once, a publish in either event shows at once,
        // and a revoked token is refused at once.
        let martin = FeedLinks.privatePath(try tokens.issue(for: "martin", at: Fixture.at("2027-02-05T01:00:00Z")))
        #expect(Self.get(responder, martin).status == .ok)
        try f.publish([Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-04-20T11:00:00+09:00"))],
                      at: Fixture.at("2027-02-06T08:00:00Z"), through: f.store.scoped(to: ManyEventsServerTests.symposium))
        let moved = Self.get(responder, ito)
        #expect(moved.status == .ok && Self.text(moved).contains("Room B"))
        #expect(!etags.contains(moved.headers[.eTag] ?? ""))
        // Only the symposium, which changed, was loaded again; the forum's own stamp said it had not.
        #expect(sources.withLockedValue { $0.map(\.loads) } == [1, 2])
        try tokens.revoke("ito", at: Fixture.at("2027-02-06T09:00:00Z"))
        #expect(Self.get(responder, ito).status == .notFound)
    }

    /// An event's snapshot holds no tokens, and its stamp is its own: a token issued, or another
    /// event's publish, leaves it as it was instead of loading and rendering it again.
    @Test func anEventsFeedsAreLoadedAgainOnlyWhenThatEventChanges() throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let source = FeedCacheTests.CountingSource(f.store.scoped(to: ManyEventsServerTests.forum))
        let cache = FeedCache(source: source, recheck: .zero, logger: Self.logger)
        let first = try cache.current()
        _ = try FeedSubscriptions(store: f.store.scoped(to: ManyEventsServerTests.forum))
            .issue(for: "ito", at: Fixture.at("2027-02-05T00:00:00Z"))
        try f.publish([Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-04-20T11:00:00+09:00"))],
                      at: Fixture.at("2027-02-06T08:00:00Z"), through: f.store.scoped(to: ManyEventsServerTests.symposium))
        #expect(try cache.current() === first)
        #expect(source.loads == 1)
        try f.publish([Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-03-12T09:00:00+09:00")),
                       Assignment(session: "access", room: "hall", start: Fixture.at("2027-03-12T10:30:00+09:00")),
                       Assignment(session: "industry", room: "hall", start: Fixture.at("2027-03-12T13:00:00+09:00"))],
                      at: Fixture.at("2027-02-07T08:00:00Z"), through: f.store.scoped(to: ManyEventsServerTests.forum))
        #expect(try cache.current() !== first)
        #expect(source.loads == 2)
    }

    @Test func theIndexIsRenderedOncePerChangeOfTheStore() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        try ManyEventsServerTests.addSymposium(f)
        let shelf = EventShelf(store: f.store, recheck: .zero, logger: Self.logger)
        let links = FeedLinks.local(host: "127.0.0.1", port: 8080)
        let renders = NIOLockedValueBox(0)
        func index() throws -> RenderedBody {
            try shelf.indexPage(links: links) { events in
                renders.withLockedValue { $0 += 1 }
                return IndexPage.render(events, links: links)
            }
        }
        let first = try index()
        for _ in 0..<10 { #expect(try index().etag == first.etag) }
        #expect(renders.withLockedValue { $0 } == 1)

        // A third event imported: the next request, past the recheck, shows it.
        var e = f.event
        e.id = "test-seminar"
        e.name = LocalizedText(en: "Evening Seminar")
        try f.store.scoped(to: e.id).save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                                       plan: ChangeRecord.Plan(event: e, file: "seminar.yaml", busy: [:])),
                                          at: Fixture.at("2027-01-12T10:00:00Z"))
        let after = try index()
        #expect(renders.withLockedValue { $0 } == 2)
        #expect(String(buffer: after.bytes).contains("Evening Seminar"))
        #expect(after.etag != first.etag)
    }

    @Test func theIndexIsServedWithItsETagAndAnswers304() throws {
        let f = try ManyEventsServerTests.twoEvents()
        defer { f.remove() }
        let responder = Self.responder(EventShelf(store: f.store, recheck: .seconds(3600), logger: Self.logger))
        let index = Self.get(responder, "/")
        #expect(index.status == .ok && Self.text(index).contains("Tokyo Symposium"))
        let etag = try #require(index.headers[.eTag])
        var again = HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: "/")
        again.headerFields[.ifNoneMatch] = etag
        #expect(responder.respond(to: again).status == .notModified)
    }
}
