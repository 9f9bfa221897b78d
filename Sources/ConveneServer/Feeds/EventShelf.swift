import ConveneApp
import ConveneICal
import ConveneStore
import Foundation
import Logging

/// The events a server serves, each with its own `FeedCache`, and the list of them, checked again at
/// most once per `recheck` so that an `import` of a new event shows up without a restart.
///
/// An event's cache is made on its first request: a store of a hundred events renders only what is asked for.
final class EventShelf: @unchecked Sendable {
    /// The whole store: every event in it.
    let store: Store
    let directory: EventDirectory
    private let recheck: Duration
    private let logger: Logger
    fileprivate let lock = NSLock()
    private var ids: [String] = []
    private var checkedAt: ContinuousClock.Instant?
    private var caches: [String: FeedCache] = [:]
    /// People's feeds across events, with the snapshots each was rendered from.
    fileprivate var personBodies: [String: (key: [ChangeStamp], body: RenderedBody)] = [:]

    init(store: Store, recheck: Duration, logger: Logger) {
        self.store = store
        directory = EventDirectory(store: store)
        self.recheck = recheck
        self.logger = logger
    }

    /// The ids of the events held, in order; the last list read when the database cannot be read just now.
    func eventIDs() throws -> [String] {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        if let checkedAt, now - checkedAt < recheck { return ids }
        do {
            ids = try directory.ids()
            checkedAt = now
        } catch {
            guard checkedAt != nil else { throw error }
            logger.warning("could not list the events; serving the last list", metadata: ["error": "\(error)"])
        }
        return ids
    }

    /// The feeds of one event (which the caller found in `eventIDs()`); nil for the store's only event,
    /// or none before the first import.
    func cache(for eventID: String?) -> FeedCache {
        lock.lock()
        defer { lock.unlock() }
        let key = eventID ?? ""
        if let cache = caches[key] { return cache }
        let scoped = eventID.map { directory.scoped(to: $0) } ?? store
        let cache = FeedCache(source: StoreFeedSource(store: scoped), recheck: recheck, logger: logger)
        caches[key] = cache
        return cache
    }
}

extension EventShelf {
    /// A person's feed across several events: one calendar of their sessions in each, rendered once per
    /// change of any of those events and then kept.
    func personFeed(_ person: String, across feeds: [(FeedSnapshot, Feed)]) throws -> RenderedBody {
        let key = feeds.map(\.0.library.stamp)
        lock.lock()
        let earlier = personBodies[person]
        lock.unlock()
        if let earlier, earlier.key == key { return earlier.body }
        let publications = feeds.compactMap(\.0.library.publication)
        let first = feeds[0].1
        // Named after the person alone: the calendar holds more than one event.
        let name = publications.lazy.compactMap { $0.event.stakeholder(person)?.name }.first ?? person
        let feed = Feed(kind: .person(person), title: name, path: first.path, language: first.language)
        let refresh = feeds[0].0.library.refreshSeconds
        let body = RenderedBody(text: try FeedWriter.render(feed, of: publications),
                                lastModified: feeds.compactMap(\.0.library.lastModified).max(),
                                contentType: FeedSnapshot.calendar, cacheControl: "private, max-age=\(refresh)")
            .dated(like: earlier?.body)
        lock.lock()
        personBodies[person] = (key, body)
        lock.unlock()
        return body
    }
}
