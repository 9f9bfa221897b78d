public import ConveneCore
import Foundation

/// What the organizer's digest has covered so far.
public struct DigestCursor: Sendable, Hashable, Codable {
    /// The last audit entry reported.
    public var auditID: Int
    /// The last held reply reported.
    public var heldID: Int64
    /// The conflicts already named, as worded.
    public var conflicts: [String]

    public init(auditID: Int, heldID: Int64, conflicts: [String]) {
        self.auditID = auditID
        self.heldID = heldID
        self.conflicts = conflicts
    }
}

extension Store {
    /// How far the event's last digest reported; nil before the first.
    public func digestCursor() throws -> DigestCursor? {
        try read { db in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT audit_id, held_id, conflicts FROM digest_state WHERE event_id IS NOT DISTINCT FROM ?",
                                             arguments: [try scope(db)]) else { return nil }
            let conflicts = try JSONDecoder().decode([String].self, from: Data(try row.value("conflicts", as: String.self).utf8))
            return DigestCursor(auditID: try row.value("audit_id"), heldID: try row.value("held_id"), conflicts: conflicts)
        }
    }

    /// Records a digest as reported, only if the cursor is still `previous`: two digests of the same
    /// changes (two services, or a restart racing a command) report them once.
    public func advanceDigest(from previous: DigestCursor?, to next: DigestCursor, at now: Instant) throws -> Bool {
        try write { db in try advanceDigest(db, event: try writeScope(db), from: previous, to: next, at: now) }
    }

    /// Records a digest as reported and queues its mail, in one transaction: neither happens without the
    /// other, and a digest of changes already reported is not queued. False when it was reported first.
    public func queueDigest(_ message: OutboxMessage, from previous: DigestCursor?, to next: DigestCursor,
                            at now: Instant) throws -> Bool {
        try write { db in
            let event = try writeScope(db)
            guard try advanceDigest(db, event: event, from: previous, to: next, at: now) else { return false }
            _ = try queue(db, [message], event: event, release: nil, at: now)
            try audit(db, event: event, at: now, command: "digest", action: "digest", detail: "digest to \(message.recipient) queued")
            return true
        }
    }

    private func advanceDigest(_ db: SQLDatabase, event: String, from previous: DigestCursor?, to next: DigestCursor, at now: Instant) throws -> Bool {
        let conflicts = String(decoding: try JSONEncoder().encode(next.conflicts), as: UTF8.self)
        if let previous {
            try db.execute(sql: """
                UPDATE digest_state SET audit_id = ?, held_id = ?, conflicts = ?, digested_at = ?
                WHERE event_id = ? AND audit_id = ? AND held_id = ?
                """, arguments: [next.auditID, next.heldID, conflicts, now.iso8601, event, previous.auditID, previous.heldID])
        } else {
            try db.execute(sql: """
                INSERT INTO digest_state (event_id, audit_id, held_id, conflicts, digested_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """, arguments: [event, next.auditID, next.heldID, conflicts, now.iso8601])
        }
        return db.changesCount == 1
    }
}
