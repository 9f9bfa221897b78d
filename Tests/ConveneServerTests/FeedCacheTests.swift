import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

struct FeedCacheTests {
    /// Counts how often the database is asked and how often a feed is rendered.
    final class CountingSource: FeedSource, @unchecked Sendable {
        let inner: StoreFeedSource
        private let lock = NSLock()
        private var counts = (stamps: 0, loads: 0, renders: 0)

        init(_ store: Store) { inner = StoreFeedSource(store: store) }

        var stamps: Int { lock.withLock { counts.stamps } }
        var loads: Int { lock.withLock { counts.loads } }
        var renders: Int { lock.withLock { counts.renders } }

        func stamp() throws -> ChangeStamp {
            lock.withLock { counts.stamps += 1 }
            return try inner.stamp()
        }

        func load() throws -> FeedLibrary {
            lock.withLock { counts.loads += 1 }
            var library = try inner.load()
            let render = library.render
            library.render = { [self] feed in
                lock.withLock { counts.renders += 1 }
                return try render(feed)
            }
            return library
        }
    }

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test func rendersOncePerVersionAndChecksAtMostOncePerInterval() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let source = CountingSource(f.store)
        let cache = FeedCache(source: source, recheck: .seconds(3600), logger: Self.logger)
        var etags: Set<String> = []
        for _ in 0..<100 {
            let snapshot = try cache.current()
            etags.insert(try snapshot.body(of: try #require(snapshot.publicFeed(at: "event.ics"))).etag)
        }
        #expect(etags.count == 1)
        #expect(source.stamps == 1)
        #expect(source.loads == 1)
        #expect(source.renders == 1)
    }

    @Test func reloadsWhenTheDatabaseChangesAndKeepsDatesOfUnchangedFeeds() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let source = CountingSource(f.store)
        let cache = FeedCache(source: source, recheck: .zero, logger: Self.logger)
        let first = try cache.current()
        let before = try first.body(of: try #require(first.publicFeed(at: "event.ics")))
        #expect(try cache.current() === first)

        // A token change alters the stamp but no public feed: same bytes, same date.
        try f.store.addFeedToken(hash: PrivateFeedToken.random().hash, for: "ito", at: Fixture.at("2027-03-01T00:00:00Z"))
        let second = try cache.current()
        #expect(second !== first)
        let same = try second.body(of: try #require(second.publicFeed(at: "event.ics")))
        #expect(same.etag == before.etag)
        #expect(same.lastModified == before.lastModified)
        #expect(source.loads == 2)
    }
}
