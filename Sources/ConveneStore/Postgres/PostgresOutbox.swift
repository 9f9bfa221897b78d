import ConveneCore
import PostgresNIO

/// The outbox as several senders share it on PostgreSQL: the database, not a lease, decides which
/// sender takes which message.
extension PostgresLink {
    /// Claims the first message (in queue order) that waits to go, is due at `now` and no sender holds:
    /// unclaimed, or claimed more than `staleAfter` seconds ago by a sender that never said how it went.
    /// Returns its id, or nil when there is none.
    ///
    /// One statement: the row is locked `FOR UPDATE SKIP LOCKED`, so a sender claiming at the same
    /// moment passes over it to the next one instead of taking it too or waiting.
    func claimNextMessage(at now: Instant, staleAfter: Int) async throws -> String? {
        // Times kept as text compare rightly only in one offset: UTC, as the store writes them.
        let utc = Instant(secondsSinceEpoch: now.secondsSinceEpoch)
        let stale = Instant(secondsSinceEpoch: now.secondsSinceEpoch - Int64(staleAfter))
        return try await rows("""
            UPDATE outbox SET claimed_at = \(utc.iso8601)
            WHERE message_id = (
                SELECT message_id FROM outbox
                WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= \(utc.iso8601))
                    AND (claimed_at IS NULL OR claimed_at <= \(stale.iso8601))
                ORDER BY position
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING message_id
            """).first?.decode(String.self)
    }
}

/// "A publish happened": what a `serve` listens for, so a publish made through another server or the
/// CLI is served within a second.
extension PostgresLink {
    /// The channel publishes are announced on.
    static let publishChannel = "convene_publish"

    /// Tells every listener that `release` was published (delivered when the caller's transaction
    /// commits, or at once outside one).
    func announcePublish(release: Int64) async throws {
        try await rows("SELECT pg_notify(\(Self.publishChannel), \(String(release)))")
    }

    /// Calls `body` with each release announced on this connection, until `body` returns false;
    /// `listening` is called first, once the database will tell of the next announcement.
    func listenForPublishes(listening: () async -> Void = {}, _ body: (Int64) async throws -> Bool) async throws {
        do {
            try await connection.listen(on: Self.publishChannel) { notifications in
                await listening()
                for try await n in notifications {
                    guard let release = Int64(n.payload) else { continue }
                    if try await !body(release) { return }
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Self.describe(error, address: address)
        }
    }
}
