import ConveneStore
import Foundation
import Logging

/// Keeps the current `FeedSnapshot`, replacing it when another process changes the database.
///
/// The change check is one small query, made at most once per `recheck` however many requests
/// arrive, so serving from memory stays cheap and a `convene move` shows up within that time.
final class FeedCache: @unchecked Sendable {
    private let source: any FeedSource
    private let recheck: Duration
    private let logger: Logger
    private let lock = NSLock()
    private var snapshot: FeedSnapshot?
    private var checkedAt: ContinuousClock.Instant?
    /// The whole store's stamp as of which `snapshot` was last confirmed fresh (`current(confirmedAt:)`).
    private var confirmedAt: ChangeStamp?

    init(source: any FeedSource, recheck: Duration, logger: Logger) {
        self.source = source
        self.recheck = recheck
        self.logger = logger
    }

    /// The snapshot to serve now, the database checked at most once per `recheck`; throws only when
    /// nothing could ever be loaded. (Private feeds, which must see a revocation at once, use
    /// `current(confirmedAt:)`.)
    func current() throws -> FeedSnapshot {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        if let snapshot, let checkedAt, now - checkedAt < recheck { return snapshot }
        checkedAt = now
        do {
            return try loaded(as: try source.stamp())
        } catch {
            // Keep serving what we have (e.g. while another process holds the write lock).
            guard let snapshot else { throw error }
            logger.warning("could not check the database; serving the last schedule", metadata: ["error": "\(error)"])
            return snapshot
        }
    }

    /// The snapshot as fresh as the whole store's `stamp`, which the caller has just read (one read
    /// confirms the feeds of several events): the one kept when nothing in the store changed since it
    /// was last confirmed, else checked against this source's own stamp (and loaded again only when
    /// that changed). Throws when the database cannot be read, never serving an unchecked view.
    func current(confirmedAt stamp: ChangeStamp) throws -> FeedSnapshot {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        if let snapshot, confirmedAt == stamp { return snapshot }
        let current = try loaded(as: try source.stamp())
        checkedAt = now
        confirmedAt = stamp
        return current
    }

    /// Checks the database now, loading again what changed: told that something was published, the
    /// server need not wait out `recheck`. A failure leaves the kept snapshot (the next request checks again).
    func refresh() {
        lock.lock()
        defer { lock.unlock() }
        checkedAt = nil
        do {
            _ = try loaded(as: try source.stamp())
            checkedAt = ContinuousClock.now
        } catch {
            logger.warning("could not check the database after a publish; the next request checks again",
                           metadata: ["error": "\(error)"])
        }
    }

    /// The kept snapshot when it is of `stamp`, else a new one loaded now; called with the lock held.
    private func loaded(as stamp: ChangeStamp) throws -> FeedSnapshot {
        if let snapshot, snapshot.library.stamp == stamp { return snapshot }
        let library = try source.load()
        let fresh = FeedSnapshot(library: library, earlier: snapshot)
        logger.info("serving schedule", metadata: [
            "version": "\(library.schedule?.number ?? 0)", "feeds": "\(library.feeds.count)",
        ])
        snapshot = fresh
        return fresh
    }
}
