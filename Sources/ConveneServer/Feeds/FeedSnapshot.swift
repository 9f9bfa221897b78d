import ConveneCore
import ConveneApp
import ConveneICal
import Foundation

/// What is served for one state of the database: the library, its lookups, and each body
/// rendered at most once, on first request.
final class FeedSnapshot: @unchecked Sendable {
    let library: FeedLibrary
    private let publicFeeds: [String: Feed]
    private let earlier: [String: RenderedBody]
    private let lock = NSLock()
    private var bodies: [String: RenderedBody] = [:]

    init(library: FeedLibrary, earlier: FeedSnapshot?) {
        self.library = library
        publicFeeds = Dictionary(library.publicFeeds.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.earlier = earlier?.renderedBodies() ?? [:]
    }

    /// The public feed at a path such as `rooms/hall.ics`.
    func publicFeed(at path: String) -> Feed? { publicFeeds[path] }

    /// The body of a feed, rendered now if this is its first request since the database changed.
    /// Private feeds say so to caches; both kinds are fetched again after the feed's REFRESH-INTERVAL.
    func body(of feed: Feed) throws -> RenderedBody {
        let cacheControl = "\(feed.isPrivate ? "private" : "public"), max-age=\(library.refreshSeconds)"
        return try body(key: "feed:" + feed.path, contentType: Self.calendar, cacheControl: cacheControl) {
            try library.render(feed)
        }
    }

    /// `text/calendar; charset=utf-8`, never compressed: Outlook fails on gzip.
    static let calendar = "text/calendar; charset=utf-8"

    /// The body under a key, made by `make` once.
    func body(key: String, contentType: String, cacheControl: String, make: () throws -> String) throws -> RenderedBody {
        lock.lock()
        defer { lock.unlock() }
        if let body = bodies[key] { return body }
        let body = RenderedBody(text: try make(), lastModified: library.lastModified, contentType: contentType,
                                cacheControl: cacheControl).dated(like: earlier[key])
        bodies[key] = body
        return body
    }

    private func renderedBodies() -> [String: RenderedBody] {
        lock.lock()
        defer { lock.unlock() }
        return bodies.merging(earlier) { mine, _ in mine }
    }
}
