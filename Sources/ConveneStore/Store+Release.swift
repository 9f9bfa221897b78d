public import ConveneCore

/// What a publish writes in one transaction: the release, the queued messages it supersedes,
/// the messages it queues, and the audit entries.
public struct PublishRecord: Sendable {
    /// The draft made official; it must still be the latest schedule version.
    public var version: Int
    /// The latest release when the publish was worked out; if another publish came since, nothing is saved.
    public var after: Int?
    /// The facts revision read before the publish was worked out; if the plan, calendars, answers or pins
    /// changed since, nothing is saved. Nil only for a publish not worked out from the database.
    public var facts: Int?
    public var reason: String?
    /// What the audit log keeps: what changed for subscribers and any conflicts accepted.
    public var detail: String
    /// Message-IDs of queued messages no longer wanted; each must still be queued.
    public var supersede: [String]
    /// The messages the release requires, in the order they go out.
    public var queue: [OutboxMessage]
    /// New page tokens (person → hash) whose links the queued messages carry, saved in the same
    /// transaction as the release; the person's earlier links stay live (links already mailed keep working).
    public var pageTokens: [String: String]

    public init(version: Int, after: Int?, facts: Int? = nil, reason: String?, detail: String, supersede: [String],
                queue: [OutboxMessage], pageTokens: [String: String] = [:]) {
        self.version = version
        self.after = after
        self.facts = facts
        self.reason = reason
        self.detail = detail
        self.supersede = supersede
        self.queue = queue
        self.pageTokens = pageTokens
    }
}

extension Store {
    /// Every release, oldest first.
    public func releases() throws -> [Release] {
        let records = try read { db in
            let f = try inEvent(db)
            return try ReleaseRecord.fetchAll(db, sql: "SELECT * FROM schedule_release WHERE \(f.sql) ORDER BY number",
                                              arguments: f.arguments)
        }
        guard !records.isEmpty else { return [] }
        let versions = Dictionary(uniqueKeysWithValues: try history().map { ($0.number, $0) })
        return records.map { r in
            Release(number: Int(r.number!), schedule: versions[Int(r.version)]!, publishedAt: r.publishedAt,
                    reason: r.reason)
        }
    }

    /// The number the next release of any event will get: release numbers run across the store's
    /// events (an AUTOINCREMENT key), so an event's next one is not its last plus one.
    public func nextReleaseNumber() throws -> Int {
        try read { db in
            // The key's counter, which a deleted last release does not lower, is each database's own.
            let counter = switch db.dialect {
            case .sqlite:
                try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'schedule_release'")
            case .postgres:
                try Int.fetchOne(db, sql: """
                    SELECT last_value FROM pg_sequences
                    WHERE schemaname || '.' || sequencename = pg_get_serial_sequence('schedule_release', 'number')
                    """)
            }
            let highest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_release")
            return max(counter ?? 0, highest ?? 0) + 1
        }
    }

    /// Makes a draft official, drops the queued messages it supersedes and queues the ones it
    /// requires, in one transaction. Throws, saving nothing, if the schedule, the releases or the
    /// outbox changed while the publish was worked out.
    @discardableResult
    public func publish(_ p: PublishRecord, at now: Instant) throws -> Release {
        try write { db in
            let event = try writeScope(db)
            try requireUnchanged(version: p.version, facts: p.facts, of: event, db, doing: "the publish", undone: "published")
            let lastRelease = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_release WHERE event_id = ?", arguments: [event])
            guard lastRelease == p.after else {
                throw StoreError("another publish (release \(lastRelease ?? 0)) came while this one was worked out; "
                    + "nothing was published, run the command again")
            }
            for id in p.supersede {
                // A message a delivery run has claimed since may already be with its recipient: it stays.
                try db.execute(sql: """
                    UPDATE outbox SET state = ? WHERE message_id = ? AND event_id = ? AND state = ? AND claimed_at IS NULL
                    """, arguments: [OutboxMessage.State.superseded.rawValue, id, event, OutboxMessage.State.queued.rawValue])
                guard db.changesCount == 1 else {
                    throw StoreError("message \(id) was handed to the mail server while the publish was worked out; nothing was published, "
                        + "run the command again")
                }
            }
            var r = ReleaseRecord(number: nil, eventId: event, version: Int64(p.version), publishedAt: now, reason: p.reason)
            r.number = try r.insert(db)
            try announcePublish(db, release: r.number!)
            let queued = try queue(db, p.queue, event: event, release: r.number!, at: now)
            for (person, hash) in p.pageTokens.sorted(by: { $0.key < $1.key }) {
                try insertToken(.page, hash: hash, for: person, at: now, command: "publish", replacing: false, db)
            }
            let count = { (n: Int) in "\(n) message\(n == 1 ? "" : "s")" }
            try audit(db, event: event, at: now, command: "publish", action: "publish", reason: p.reason,
                      detail: "release \(r.number!): schedule version \(p.version); \(count(queued)) queued"
                          + (p.detail.isEmpty ? "" : "; \(p.detail)"),
                      version: Int64(p.version))
            if !p.supersede.isEmpty {
                try audit(db, event: event, at: now, command: "publish", action: "superseded", reason: p.reason,
                          detail: "\(count(p.supersede.count)) dropped unsent, superseded by release \(r.number!): "
                              + p.supersede.joined(separator: ", "))
            }
            let version = try self.version(Int64(p.version), db)!
            return Release(number: Int(r.number!), schedule: version, publishedAt: now, reason: p.reason)
        }
    }
}
