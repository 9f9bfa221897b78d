import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// A publish made elsewhere (another server, the CLI) served without waiting out the recheck: the
/// shelf reads the store again when told, and on PostgreSQL the server is told by the database.
@Suite(.serialized)
struct PublishListenerTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static let first = [
        Assignment(session: "opening", room: "hall", start: Fixture.at("2027-03-12T09:00:00+09:00")),
        Assignment(session: "access", room: "hall", start: Fixture.at("2027-03-12T10:30:00+09:00")),
        Assignment(session: "industry", room: "room-b", start: Fixture.at("2027-03-12T10:30:00+09:00")),
    ]
    /// The opening moved to Room B: what the second release changes.
    static let second = [Assignment(session: "opening", room: "room-b", start: Fixture.at("2027-03-12T09:00:00+09:00"))]
        + first.dropFirst()

    @Test func aRefreshedShelfServesTheNewReleaseBeforeItsRecheck() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.publish(Self.first, at: Fixture.at("2027-02-01T08:00:00Z"))
        let shelf = EventShelf(store: f.store, recheck: .seconds(3600), logger: Self.logger)
        let responder = EventShelfTests.responder(shelf)
        let feed = Fixture.address("/feeds/event.ics")
        let before = EventShelfTests.get(responder, feed)
        #expect(before.status == .ok)
        // Another process publishes: within the hour's recheck the shelf still serves what it had.
        try f.publish(Self.second, at: Fixture.at("2027-02-02T08:00:00Z"), through: try Store(path: f.store.path))
        #expect(EventShelfTests.get(responder, feed).headers[.eTag] == before.headers[.eTag])
        shelf.refresh()
        let after = EventShelfTests.get(responder, feed)
        #expect(after.status == .ok && after.headers[.eTag] != before.headers[.eTag])
        #expect(EventShelfTests.text(after).contains("LOCATION:Room B"))
    }

    @Test(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
    func aServerOnPostgreSQLServesAPublishMadeElsewhereWithoutWaitingForItsRecheck() async throws {
        let f = try Fixture()
        defer { f.remove() }
        let (store, address) = try PostgresWorkersTests.forum(f)
        // An hour's recheck: only the database's word can make the server read the store again sooner.
        let server = FeedServer(store: store, settings: ServerSettings(port: 0, recheck: .seconds(3600)), logger: Self.logger,
                                pages: false)
        let (ports, ready) = AsyncStream.makeStream(of: Int.self)
        let services = try server.services { port in ready.yield(port) }
        #expect(services.count == 2)
        let group = ServiceGroup(configuration: .init(services: services, logger: Self.logger))
        let running = Task { try await group.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let client = HTTPClient(port: try #require(await iterator.next()))
        let feed = Fixture.address("/feeds/event.ics")
        let before = try await client.get(feed)
        #expect(before.status == 200)
        // Give the listener its connection before publishing: what it missed before that, it reads when it starts.
        try await Task.sleep(for: .milliseconds(500))
        // Another server, or the CLI: a store of its own on the same database.
        try f.publish(Self.second, at: Fixture.at("2027-02-02T08:00:00Z"), through: try Store(postgres: address))
        let published = ContinuousClock.now
        var after = before
        while after.header("etag") == before.header("etag") && ContinuousClock.now < published + .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
            after = try await client.get(feed)
        }
        #expect(after.header("etag") != before.header("etag"), "the publish was not served within 30 s")
        #expect(String(decoding: after.body, as: UTF8.self).contains("LOCATION:Room B"))

        // The listening connection dropped (the database restarted, a network cut): the server listens
        // again and reads the store, so a publish made while it was not listening is served too.
        let cut = try PostgresServer.shared.get().superuser(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = '\(address.database)' AND query LIKE 'LISTEN%'")
        #expect(cut == "1")
        try f.publish(Self.first, at: Fixture.at("2027-02-03T08:00:00Z"), through: try Store(postgres: address))
        let again = ContinuousClock.now
        var last = after
        while last.header("etag") == after.header("etag") && ContinuousClock.now < again + .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
            last = try await client.get(feed)
        }
        #expect(last.header("etag") != after.header("etag"), "the publish after the cut was not served within 30 s")
        #expect(String(decoding: last.body, as: UTF8.self).contains("LOCATION:Main Hall"))
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
