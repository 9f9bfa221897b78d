public import ConveneCore
import Foundation
package import GRDB

/// One message in the outbox, with its delivery state.
public struct OutboxMessage: Sendable, Hashable, Codable {
    /// Where a message stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case queued, sent, failed
    }

    /// Without angle brackets; unique, so queuing the same message twice keeps one.
    public var messageID: String
    public var person: String
    public var session: String
    public var uid: String
    public var sequence: Int
    /// `REQUEST` or `CANCEL`.
    public var method: String
    /// `invitation`, `update` or `cancel`.
    public var kind: String
    /// The room and start the message tells of.
    public var room: String
    public var start: Instant
    public var recipient: String
    public var subject: String
    /// The whole RFC 5322 message, exactly as it is sent every time.
    public var bytes: [UInt8]
    public var state: State
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Instant?
    public var queuedAt: Instant
    public var sentAt: Instant?
    /// The schedule version that made the message necessary.
    public var version: Int?

    /// A message about to be queued.
    public init(messageID: String, person: String, session: String, uid: String, sequence: Int, method: String, kind: String,
                room: String, start: Instant, recipient: String, subject: String, bytes: [UInt8], queuedAt: Instant,
                version: Int?) {
        self.messageID = messageID
        self.person = person
        self.session = session
        self.uid = uid
        self.sequence = sequence
        self.method = method
        self.kind = kind
        self.room = room
        self.start = start
        self.recipient = recipient
        self.subject = subject
        self.bytes = bytes
        self.state = .queued
        self.attempts = 0
        self.queuedAt = queuedAt
        self.version = version
    }
}

extension Store {
    /// Queues messages in one transaction, unless the schedule moved past `version` meanwhile.
    /// Messages already queued (same Message-ID) are kept as they are. Returns how many were added.
    @discardableResult
    public func queue(_ messages: [OutboxMessage], forVersion version: Int?, at now: Instant, command: String) throws -> Int {
        try write { db in
            let current = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version")
            guard current == version else {
                throw StoreError("the schedule changed (now version \(current.map(String.init) ?? "none")) while mail "
                    + "for version \(version.map(String.init) ?? "none") was prepared; nothing was queued, run again")
            }
            return try queue(db, messages, at: now, command: command)
        }
    }

    /// Queues messages inside a caller's transaction (e.g. the one that saves a schedule version).
    package func queue(_ db: Database, _ messages: [OutboxMessage], at now: Instant, command: String) throws -> Int {
        var position = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM outbox") ?? 0
        var added = 0
        for m in messages {
            guard try OutboxRecord.fetchOne(db, key: m.messageID) == nil else { continue }
            position += 1
            try OutboxRecord(
                messageId: m.messageID, personId: m.person, sessionId: m.session, uid: m.uid, sequence: m.sequence,
                method: m.method, kind: m.kind, roomId: m.room, start: m.start.iso8601, recipient: m.recipient,
                subject: m.subject, message: Data(m.bytes), state: OutboxMessage.State.queued.rawValue, attempts: 0,
                lastError: nil, nextAttemptAt: nil, queuedAt: now.iso8601, sentAt: nil, version: m.version.map(Int64.init),
                position: position
            ).insert(db)
            added += 1
        }
        if added > 0 {
            try audit(db, at: now, command: command, action: "queue-mail", detail: "\(added) message\(added == 1 ? "" : "s") queued")
        }
        return added
    }

    /// The last message queued for every person and session: what each person was last told.
    public func latestNotices() throws -> [OutboxMessage] {
        try read { db in try latestNotices(db) }
    }

    /// `latestNotices()` inside a caller's transaction.
    package func latestNotices(_ db: Database) throws -> [OutboxMessage] {
        try OutboxRecord.fetchAll(db, sql: """
            SELECT * FROM outbox o WHERE position = (
                SELECT MAX(position) FROM outbox WHERE person_id = o.person_id AND session_id = o.session_id)
            ORDER BY position
            """).map(Store.message)
    }

    /// Every message, in the order queued.
    public func outbox() throws -> [OutboxMessage] {
        try read { db in try OutboxRecord.order(OutboxRecord.Columns.position).fetchAll(db).map(Store.message) }
    }

    /// Messages waiting to go whose retry time (if any) has come, in the order queued.
    public func dueMessages(at now: Instant) throws -> [OutboxMessage] {
        try read { db in
            try OutboxRecord.filter(OutboxRecord.Columns.state == OutboxMessage.State.queued.rawValue)
                .order(OutboxRecord.Columns.position).fetchAll(db)
                .filter { r in r.nextAttemptAt.flatMap { Instant(iso8601: $0) }.map { $0 <= now } ?? true }
                .map(Store.message)
        }
    }

    /// Records that the server (or folder) accepted a message after `attempts` tries in this run:
    /// it is never sent again.
    public func markSent(_ messageID: String, attempts: Int = 1, at now: Instant) throws {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + ?, last_error = NULL, "
                + "next_attempt_at = NULL WHERE message_id = ?", arguments: [now.iso8601, attempts, messageID])
        }
    }

    /// Records `attempts` failed tries: permanent failures stop there, others wait until `retryAt`.
    public func markFailed(
        _ messageID: String, error: String, permanent: Bool, retryAt: Instant?, attempts: Int = 1, at now: Instant
    ) throws {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = ?, next_attempt_at = ? "
                + "WHERE message_id = ?",
                arguments: [permanent ? "failed" : "queued", attempts, error, retryAt?.iso8601, messageID])
            if permanent {
                try audit(db, at: now, command: "invite", action: "mail-failed", detail: "\(messageID): \(error)")
            }
        }
    }

    static func message(_ r: OutboxRecord) -> OutboxMessage {
        var m = OutboxMessage(
            messageID: r.messageId, person: r.personId, session: r.sessionId, uid: r.uid, sequence: r.sequence,
            method: r.method, kind: r.kind, room: r.roomId, start: Instant(iso8601: r.start)!, recipient: r.recipient,
            subject: r.subject, bytes: Array(r.message), queuedAt: Instant(iso8601: r.queuedAt)!, version: r.version.map(Int.init))
        m.state = OutboxMessage.State(rawValue: r.state) ?? .queued
        m.attempts = r.attempts
        m.lastError = r.lastError
        m.nextAttemptAt = r.nextAttemptAt.flatMap { Instant(iso8601: $0) }
        m.sentAt = r.sentAt.flatMap { Instant(iso8601: $0) }
        return m
    }
}

/// How the outbox stands, for `convene status`.
public struct OutboxStatus: Sendable, Hashable, Codable {
    public var queued: Int
    public var sent: Int
    public var failed: Int
    /// Messages that failed for good, with the server's answer.
    public var failures: [Failure]

    /// One message that will not be delivered without help.
    public struct Failure: Sendable, Hashable, Codable {
        public var messageID: String
        public var recipient: String
        public var session: String
        public var attempts: Int
        public var error: String
    }

    /// Lines to print: one summary, then one per permanent failure.
    public var lines: [String] {
        var out = ["mail: \(sent) sent, \(queued) queued, \(failed) failed"]
        for f in failures {
            out.append("  failed: \(f.recipient) (\(f.session), \(f.attempts) attempt\(f.attempts == 1 ? "" : "s")): \(f.error)")
        }
        return out
    }
}

extension Store {
    /// Counts of queued, sent and failed messages, and every permanent failure.
    public func outboxStatus() throws -> OutboxStatus {
        try read { db in
            func count(_ state: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = ?", arguments: [state]) ?? 0
            }
            let failures = try OutboxRecord.filter(OutboxRecord.Columns.state == "failed")
                .order(OutboxRecord.Columns.position).fetchAll(db)
                .map { OutboxStatus.Failure(messageID: $0.messageId, recipient: $0.recipient, session: $0.sessionId,
                                            attempts: $0.attempts, error: $0.lastError ?? "") }
            return OutboxStatus(queued: try count("queued"), sent: try count("sent"), failed: try count("failed"),
                                failures: failures)
        }
    }
}

extension Store {
    /// Works out the mail a new schedule version requires, inside the transaction that saves it:
    /// given the new version and what every person was last sent, the messages to queue.
    public typealias MailQueue = (ScheduleVersion, [OutboxMessage]) throws -> [OutboxMessage]
}
