public import ConveneCore
import GRDB

/// A private feed token as the database knows it: whose it is and when, never the token itself.
public struct FeedToken: Sendable, Hashable, Codable {
    /// The stakeholder whose private feed the token opens.
    public var person: String
    /// When it was issued.
    public var createdAt: Instant
    /// When it was revoked or replaced; nil while it is live.
    public var revokedAt: Instant?

    /// Whether the token still opens the person's feed.
    public var isLive: Bool { revokedAt == nil }
}

/// Marks what the database holds: it changes whenever a plan is imported, a schedule version is
/// made or a feed token is issued or revoked. Cheap to read, so a server can ask on every request.
public struct ChangeStamp: Sendable, Hashable {
    /// The latest audit entry: every import, schedule and token change writes one.
    public var lastAudit: Int64
    /// The latest schedule version.
    public var lastVersion: Int64
    /// The latest token issued.
    public var lastToken: Int64
}

extension Store {
    /// Keeps a new token, by its hash, as the person's only live one (an earlier one is revoked),
    /// with an audit entry; one transaction.
    public func addFeedToken(hash: String, for person: String, at now: Instant, command: String = "feeds") throws {
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw StoreError("a feed token hash must be 64 lowercase hex digits")
        }
        try write { db in
            try requirePerson(person, db)
            let replaced = try revokeLive(person, at: now, db)
            try FeedTokenRecord(id: nil, personId: person, hash: hash, createdAt: now, revokedAt: nil).insert(db)
            try audit(db, at: now, command: command, action: "feed-token",
                      detail: "private feed token issued for \(person)" + (replaced > 0 ? ", replacing the earlier one" : ""))
        }
    }

    /// Revokes a person's live token, with an audit entry. Throws if the person is unknown or has none.
    public func revokeFeedToken(for person: String, at now: Instant, command: String = "feeds revoke") throws {
        try write { db in
            try requirePerson(person, db, allowRemoved: true)
            guard try revokeLive(person, at: now, db) > 0 else {
                throw StoreError("\(person) has no live private feed token to revoke")
            }
            try audit(db, at: now, command: command, action: "feed-token", detail: "private feed token of \(person) revoked")
        }
    }

    /// Every token ever issued, by person, oldest first.
    public func feedTokens() throws -> [FeedToken] {
        try read { db in
            try FeedTokenRecord.order(FeedTokenRecord.Columns.personId, FeedTokenRecord.Columns.id).fetchAll(db).map {
                FeedToken(person: $0.personId, createdAt: $0.createdAt, revokedAt: $0.revokedAt)
            }
        }
    }

    /// The hashes of the live tokens of people still in the plan, with whose each is.
    public func liveFeedTokenHashes() throws -> [String: String] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.hash, t.person_id FROM feed_token t JOIN person p ON p.id = t.person_id
                WHERE t.revoked_at IS NULL AND p.removed_at IS NULL
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// The current change stamp: three indexed maxima, no table scan.
    public func changeStamp() throws -> ChangeStamp {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT IFNULL(MAX(id), 0) FROM audit_log), (SELECT IFNULL(MAX(number), 0) FROM schedule_version),
                       (SELECT IFNULL(MAX(id), 0) FROM feed_token)
                """)!
            return ChangeStamp(lastAudit: row[0], lastVersion: row[1], lastToken: row[2])
        }
    }

    private func requirePerson(_ person: String, _ db: Database, allowRemoved: Bool = false) throws {
        guard let removedAt = try Row.fetchOne(db, sql: "SELECT removed_at FROM person WHERE id = ?", arguments: [person]) else {
            throw StoreError("no stakeholder '\(person)' in the plan")
        }
        if !allowRemoved, (removedAt[0] as String?) != nil {
            throw StoreError("stakeholder '\(person)' was removed from the plan")
        }
    }

    private func revokeLive(_ person: String, at now: Instant, _ db: Database) throws -> Int {
        try FeedTokenRecord.filter(FeedTokenRecord.Columns.personId == person && FeedTokenRecord.Columns.revokedAt == nil)
            .updateAll(db, FeedTokenRecord.Columns.revokedAt.set(to: now))
    }
}
