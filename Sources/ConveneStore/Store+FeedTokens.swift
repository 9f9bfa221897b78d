public import ConveneCore

/// A private feed or page token as the database knows it: whose it is and when, never the token itself.
public struct FeedToken: Sendable, Hashable, Codable {
    /// The stakeholder whose private feed or page the token opens.
    public var person: String
    /// When it was issued.
    public var createdAt: Instant
    /// When it was revoked or replaced; nil while it is live.
    public var revokedAt: Instant?

    /// Whether the token still opens the person's feed or page.
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

/// What a person's secret token opens. Each kind has its own table of the same shape, so a feed
/// token never opens a page nor a page token a feed, and each is issued and revoked on its own.
public enum SecretTokenKind: String, Sendable, CaseIterable {
    /// The private calendar feed (`/private/TOKEN.ics`).
    case feed
    /// The private page where a person answers (`/p/TOKEN`).
    case page

    var table: String { rawValue + "_token" }
    /// How the audit log and errors name it.
    var name: String { self == .feed ? "private feed token" : "page link" }
}

extension Store {
    /// Keeps a new token, by its hash, as the person's only live one (an earlier one is revoked),
    /// with an audit entry; one transaction.
    public func addFeedToken(hash: String, for person: String, at now: Instant, command: String = "feeds") throws {
        try addToken(.feed, hash: hash, for: person, at: now, command: command)
    }

    /// Revokes a person's live token, with an audit entry. Throws if the person is unknown or has none.
    public func revokeFeedToken(for person: String, at now: Instant, command: String = "feeds revoke") throws {
        try revokeToken(.feed, for: person, at: now, command: command)
    }

    /// Every token ever issued, by person, oldest first.
    public func feedTokens() throws -> [FeedToken] { try tokens(.feed) }

    /// The hashes of the live tokens of people still in the plan, with whose each is.
    public func liveFeedTokenHashes() throws -> [String: String] { try liveTokenHashes(.feed) }

    /// Keeps a new token of a kind, by its hash, with an audit entry; one transaction. With `replacing`
    /// (the default) it is the person's only live one of that kind: earlier ones are revoked. Without it,
    /// earlier ones stay live: a link already mailed must keep working when a later mail carries a new one.
    public func addToken(_ kind: SecretTokenKind, hash: String, for person: String, at now: Instant, command: String,
                         replacing: Bool = true) throws {
        try write { db in try insertToken(kind, hash: hash, for: person, at: now, command: command, replacing: replacing, db) }
    }

    /// Keeps a new token inside a caller's transaction, revoking the person's live ones when `replacing`,
    /// with an audit entry.
    func insertToken(_ kind: SecretTokenKind, hash: String, for person: String, at now: Instant, command: String,
                     replacing: Bool = true, _ db: SQLDatabase) throws {
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw StoreError("a \(kind.name) hash must be 64 lowercase hex digits")
        }
        try requirePerson(person, db)
        let replaced = replacing ? try revokeLive(kind, person, at: now, db) : 0
        try db.execute(sql: "INSERT INTO \(kind.table) (person_id, hash, created_at) VALUES (?, ?, ?)",
                       arguments: [person, hash, now.iso8601])
        // A token is the person's in every event: its entry is store-wide.
        try audit(db, event: nil, at: now, command: command, action: kind.rawValue + "-token",
                  detail: "\(kind.name) issued for \(person)" + (replaced > 0 ? ", replacing the earlier one" : ""))
    }

    /// Revokes a person's live token of a kind, with an audit entry. Throws if the person is unknown or has none.
    public func revokeToken(_ kind: SecretTokenKind, for person: String, at now: Instant, command: String) throws {
        try write { db in
            try requirePerson(person, db, allowRemoved: true)
            guard try revokeLive(kind, person, at: now, db) > 0 else {
                throw StoreError("\(person) has no live \(kind.name) to revoke")
            }
            try audit(db, event: nil, at: now, command: command, action: kind.rawValue + "-token", detail: "\(kind.name) of \(person) revoked")
        }
    }

    /// Every token of a kind ever issued, by person, oldest first: of the people of the event a
    /// scoped store works on, else of everyone (a token is a person's across events).
    public func tokens(_ kind: SecretTokenKind) throws -> [FeedToken] {
        try read { db in
            // A scoped store keeps its event's people; an unscoped one, everyone.
            let (filter, arguments): (String, SQLArguments) = eventID.map {
                ("WHERE EXISTS (SELECT 1 FROM person p WHERE p.event_id = ? AND p.id = t.person_id)", [$0])
            } ?? ("", [])
            return try SQLRow.fetchAll(db, sql: """
                SELECT person_id, created_at, revoked_at FROM \(kind.table) t
                \(filter)
                ORDER BY person_id, id
                """, arguments: arguments).map {
                FeedToken(person: $0[0], createdAt: $0[1], revokedAt: $0[2])
            }.inCodePointOrder { [$0.person] }
        }
    }

    /// The hashes of the live tokens of a kind of people still in the plan of some event, with whose each is.
    public func liveTokenHashes(_ kind: SecretTokenKind) throws -> [String: String] {
        try read { db in
            let rows = try SQLRow.fetchAll(db, sql: """
                SELECT t.hash, t.person_id FROM \(kind.table) t
                WHERE t.revoked_at IS NULL
                AND EXISTS (SELECT 1 FROM person p WHERE p.id = t.person_id AND p.removed_at IS NULL)
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// The person whose live token of `kind` has this hex SHA-256 hash, or nil (unknown, revoked,
    /// or the person is in no event any more): one lookup by the hash's unique index.
    public func livePerson(tokenHash hash: String, _ kind: SecretTokenKind) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT t.person_id FROM \(kind.table) t
                WHERE t.hash = ? AND t.revoked_at IS NULL
                AND EXISTS (SELECT 1 FROM person p WHERE p.id = t.person_id AND p.removed_at IS NULL)
                """, arguments: [hash])
        }
    }

    /// The current change stamp: three indexed maxima, no table scan. A store scoped to an event
    /// reads that event's own audit entries and versions only (its `lastToken` is 0: tokens are a
    /// person's across events), so a change to one event, or a token, leaves the others' stamps as they were.
    public func changeStamp() throws -> ChangeStamp {
        try read { db in
            let row = try SQLRow.fetchOne(db, sql: eventID == nil ? """
                SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log), (SELECT COALESCE(MAX(number), 0) FROM schedule_version),
                       (SELECT COALESCE(MAX(id), 0) FROM feed_token)
                """ : """
                SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE event_id = ?),
                       (SELECT COALESCE(MAX(number), 0) FROM schedule_version WHERE event_id = ?), 0
                """, arguments: eventID.map { [$0, $0] } ?? [])!
            return ChangeStamp(lastAudit: row[0], lastVersion: row[1], lastToken: row[2])
        }
    }

    /// Tokens and live calendars belong to a person, not to one event, so no foreign key holds them
    /// to `person`: this check does. The person must be in some event's plan, and unless
    /// `allowRemoved`, still in one.
    func requirePerson(_ person: String, _ db: SQLDatabase, allowRemoved: Bool = false) throws {
        let removed = try SQLRow.fetchAll(db, sql: "SELECT removed_at IS NOT NULL FROM person WHERE id = ?", arguments: [person])
            .map { $0[0] as Bool }
        guard !removed.isEmpty else {
            throw StoreError("no stakeholder '\(person)' in the plan")
        }
        if !allowRemoved, !removed.contains(false) {
            throw StoreError("stakeholder '\(person)' was removed from the plan")
        }
    }

    private func revokeLive(_ kind: SecretTokenKind, _ person: String, at now: Instant, _ db: SQLDatabase) throws -> Int {
        try db.execute(sql: "UPDATE \(kind.table) SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL",
                       arguments: [now, person])
        return db.changesCount
    }
}
