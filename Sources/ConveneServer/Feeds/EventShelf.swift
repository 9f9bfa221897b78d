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
    /// The live private feed tokens of the whole store, as of a stamp: a token is a person's, not an
    /// event's, so one directory serves every event (not a copy in each event's snapshot), and the
    /// events each person who asked is in, as of the same stamp.
    private var people: (stamp: ChangeStamp, tokens: TokenDirectory, events: [String: [String]])?
    /// The index page as last rendered, with the stamp and links it was rendered for, and when the stamp was read.
    private var index: (stamp: ChangeStamp, links: FeedLinks, body: RenderedBody)?
    private var indexCheckedAt: ContinuousClock.Instant?

    /// Where each event's feeds come from, given the store scoped to it.
    private let source: @Sendable (Store) -> any FeedSource

    init(store: Store, recheck: Duration, logger: Logger,
         source: @escaping @Sendable (Store) -> any FeedSource = { StoreFeedSource(store: $0) }) {
        self.store = store
        directory = EventDirectory(store: store)
        self.recheck = recheck
        self.logger = logger
        self.source = source
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

    /// Reads the store again at once, as told that something was published: the list of events, and
    /// each event's feeds already served (loaded again where they changed), so the next request is
    /// answered from memory with the new release; the index page is rendered again on its next request.
    func refresh() {
        lock.lock()
        checkedAt = nil
        indexCheckedAt = nil
        let served = caches.values
        lock.unlock()
        _ = try? eventIDs()
        for cache in served { cache.refresh() }
    }

    /// The feeds of one event (which the caller found in `eventIDs()`); nil for the store's only event,
    /// or none before the first import.
    func cache(for eventID: String?) -> FeedCache {
        lock.lock()
        defer { lock.unlock() }
        let key = eventID ?? ""
        if let cache = caches[key] { return cache }
        let scoped = eventID.map { directory.scoped(to: $0) } ?? store
        let cache = FeedCache(source: source(scoped), recheck: recheck, logger: logger)
        caches[key] = cache
        return cache
    }
}

extension EventShelf {
    /// Whose private feed a token opens, checked against the database now so that a revoked link is
    /// refused at once, with the whole store's stamp read: each event's feed is then confirmed against it
    /// (`FeedCache.current(confirmedAt:)`), asking the database again only when the store changed since.
    func person(presenting token: Substring) throws -> (person: String?, stamp: ChangeStamp) {
        let book = FeedTokenBook(store: store)
        let stamp = try book.changeStamp()
        lock.lock()
        let known = people?.stamp == stamp ? people : nil
        lock.unlock()
        if let known { return (known.tokens.person(presenting: token), stamp) }
        // Read after the stamp: a write landing in between changes the stamp, so the next request reads again.
        let tokens = TokenDirectory(hashes: try book.liveHashes())
        lock.lock()
        people = (stamp, tokens, [:])
        lock.unlock()
        return (tokens.person(presenting: token), stamp)
    }

    /// The events a person is in as of `stamp` (from `person(presenting:)`), asked of the database once
    /// per person and change: every import, which alone changes who is in an event, changes the stamp.
    func events(of person: String, at stamp: ChangeStamp) throws -> [String] {
        lock.lock()
        let known = people?.stamp == stamp ? people?.events[person] : nil
        lock.unlock()
        if let known { return known }
        let events = try directory.events(of: person)
        lock.lock()
        if people?.stamp == stamp { people?.events[person] = events }
        lock.unlock()
        return events
    }

    /// The index of events, rendered once per change of the store (checked at most once per `recheck`)
    /// and then served from memory like a feed, rather than read and rendered on every request.
    func indexPage(links: FeedLinks, render: ([EventSummary]) -> String) throws -> RenderedBody {
        let now = ContinuousClock.now
        lock.lock()
        if let index, index.links == links, let indexCheckedAt, now - indexCheckedAt < recheck {
            lock.unlock()
            return index.body
        }
        let earlier = index
        lock.unlock()
        let stamp = try FeedTokenBook(store: store).changeStamp()
        let body: RenderedBody
        if let earlier, earlier.stamp == stamp, earlier.links == links {
            body = earlier.body
        } else {
            body = RenderedBody(text: render(try directory.summaries()), lastModified: nil,
                                contentType: "text/html; charset=utf-8", cacheControl: "no-cache")
        }
        lock.lock()
        index = (stamp, links, body)
        indexCheckedAt = now
        lock.unlock()
        return body
    }

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
