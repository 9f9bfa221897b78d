public import ConveneCore

/// Where the outbox ended at one moment: a delivery run that claims only up to it sends what was
/// queued before it began, and leaves what a publish queues meanwhile to the next run.
public struct OutboxMark: Sendable, Hashable {
    let position: Int64
}

extension Store {
    /// True when several delivery runs send from this store side by side, each message claimed under
    /// a row lock (PostgreSQL, where several servers share one database); false when one run at a time
    /// sends, under the send lease (SQLite, whose writes lock the whole file).
    public var sendsSideBySide: Bool { dialect == .postgres }

    /// The end of the outbox now (of every event: positions run across the store).
    public func outboxMark() throws -> OutboxMark {
        try read { db in OutboxMark(position: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM outbox") ?? 0) }
    }

    /// Claims the first message of this store's event (in queue order, up to `mark`) that waits to go,
    /// is due at `now` and no sender holds: unclaimed, or claimed at least `staleAfter` seconds ago by a
    /// run that never said how it went (it died: the message goes again, at-least-once). Returns it, or
    /// nil when there is none, or when `lease` is given and another holder has it (renewed otherwise,
    /// in the same transaction, as `claim(_:at:holding:)` does).
    ///
    /// One statement decides it. On PostgreSQL the row is taken `FOR UPDATE SKIP LOCKED`, in a
    /// transaction without the store's write lock (`writeWithRowLocks`), so two senders claiming at
    /// once each take a different message and neither waits for a publish. That is safe because every
    /// other write of a queued message takes the same row lock: a publish supersedes a message only
    /// `WHERE claimed_at IS NULL` in an UPDATE, which waits for a claim in progress and then sees it
    /// (and gives the publish up, so nothing that may have been delivered is dropped); a claim finds a
    /// message a publish is superseding locked, passes over it, and after that commit finds it superseded.
    public func claimNextDue(at now: Instant, staleAfter: Int, through mark: OutboxMark,
                             holding lease: SendLease? = nil) throws -> OutboxMessage? {
        // Times kept as text compare rightly only in one offset: UTC, as delivery writes them.
        let utc = Instant(secondsSinceEpoch: now.secondsSinceEpoch)
        let stale = Instant(secondsSinceEpoch: now.secondsSinceEpoch - Int64(staleAfter))
        let claim = { (db: SQLDatabase) throws -> OutboxMessage? in
            if let lease, try !self.take(db, lease, at: now) { return nil }
            let f = try self.outboxFilter(.queued, db)
            let skipLocked = db.dialect == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
            return try OutboxRecord.fetchOne(db, sql: """
                UPDATE outbox SET claimed_at = ?
                WHERE message_id = (
                    SELECT message_id FROM outbox
                    WHERE \(f.sql) AND position <= ?
                        AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                        AND (claimed_at IS NULL OR claimed_at <= ?)
                    ORDER BY position
                    LIMIT 1
                    \(skipLocked))
                RETURNING *
                """, arguments: SQLArguments([utc.iso8601]) + f.arguments + [mark.position, utc.iso8601, stale.iso8601]).map(Store.message)
        }
        return lease == nil ? try writeWithRowLocks(claim) : try write(claim)
    }

    /// Runs one write transaction ordered against other writers only by row locks (see
    /// `StoreBackend.writeWithRowLocks`); on SQLite the same as `write`.
    func writeWithRowLocks<T>(_ body: (SQLDatabase) throws -> T) throws -> T { try backend.writeWithRowLocks(body) }
}
