public import ConveneCore
import Foundation

/// One message in the outbox, with its delivery state.
public struct OutboxMessage: Sendable, Hashable, Codable {
    /// Where a message stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting to be handed to the mail server.
        case queued
        /// Accepted by the mail server (or written to the folder): never sent again.
        case sent
        /// Refused for good; `convene status` shows why.
        case failed
        /// Dropped before it was sent, because a later publish changed what its recipient must know.
        case superseded
    }

    /// Without angle brackets; unique, so queuing the same message twice keeps one.
    public var messageID: String
    /// The person it is for; empty for mail to an address that is no person of the event
    /// (the organizer's digest), which is never superseded.
    public var person: String
    /// The session it tells of; empty for a request for availability.
    public var session: String
    public var uid: String
    public var sequence: Int
    /// Invitation, update or cancel (iTIP REQUEST for the first two, CANCEL for the last).
    public var kind: NoticeKind
    /// The room and start the message tells of.
    public var room: String
    public var start: Instant
    /// The role the message tells of: required (true) or optional; nil for messages queued before roles were kept.
    public var required: Bool?
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
    /// The schedule version the message tells of.
    public var version: Int?
    /// The release that queued it; nil for messages queued before releases existed.
    public var release: Int?
    /// When a delivery run handed it to the mail server without hearing back (it died, or is still
    /// waiting): nil once the message is marked sent or failed, and for messages never tried.
    public var claimedAt: Instant?

    /// True when its recipient may have it: sent, or queued but handed to the mail server by a run
    /// that never heard back. Such a message counts as delivered (at-least-once) and is never dropped.
    public var mayHaveBeenDelivered: Bool { state == .sent || (state == .queued && claimedAt != nil) }

    /// A message about to be queued.
    public init(messageID: String, person: String, session: String, uid: String, sequence: Int, kind: NoticeKind,
                room: String, start: Instant, required: Bool?, recipient: String, subject: String, bytes: [UInt8],
                queuedAt: Instant, version: Int?) {
        self.messageID = messageID
        self.person = person
        self.session = session
        self.uid = uid
        self.sequence = sequence
        self.kind = kind
        self.room = room
        self.start = start
        self.required = required
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
    /// Queues messages of `event` inside a caller's transaction (the one that saves a release), after the
    /// last one queued in the store. Messages already queued (same Message-ID) are kept as they are.
    /// Returns how many were added.
    func queue(_ db: SQLDatabase, _ messages: [OutboxMessage], event: String, release: Int64?, at now: Instant) throws -> Int {
        var position = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM outbox") ?? 0
        var added = 0
        for m in messages {
            guard try OutboxRecord.fetchOne(db, key: [m.messageID]) == nil else { continue }
            position += 1
            try OutboxRecord(
                messageId: m.messageID, eventId: event, personId: m.person.isEmpty ? nil : m.person, sessionId: m.session.isEmpty ? nil : m.session, uid: m.uid,
                sequence: m.sequence,
                // The iTIP method, kept as a column for anyone reading the table with SQL.
                method: m.kind.itipMethod, kind: m.kind.rawValue, roomId: m.room,
                start: m.start, recipient: m.recipient, subject: m.subject, message: Data(m.bytes),
                state: OutboxMessage.State.queued.rawValue, attempts: 0, lastError: nil, nextAttemptAt: nil,
                queuedAt: now, sentAt: nil, version: m.version.map(Int64.init), position: position,
                required: m.required, release: release, claimedAt: nil
            ).insert(db)
            added += 1
        }
        return added
    }

    /// Every message, in the order queued; without their bytes (left empty) when only what they say is wanted.
    public func outbox(includingBytes: Bool = true) throws -> [OutboxMessage] {
        try read { db in
            let f = try inEvent(db)
            return try outboxRecords(db, includingBytes: includingBytes,
                                     where: f.sql, arguments: f.arguments).map(Store.message)
        }
    }

    /// Messages waiting to go whose retry time (if any) has come, in the order queued.
    public func dueMessages(at now: Instant) throws -> [OutboxMessage] {
        try read { db in
            let queued = try outboxMessages(.queued, db)
            return try OutboxRecord.fetchAll(db, sql: queued.sql, arguments: queued.arguments)
                .filter { r in r.nextAttemptAt.map { $0 <= now } ?? true }
                .map(Store.message)
        }
    }

    /// True while a message still waits to be sent: a publish may supersede it after a delivery run
    /// read the queue, and then it must not go.
    public func isQueued(_ messageID: String) throws -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT state FROM outbox WHERE message_id = ?", arguments: [messageID])
                == OutboxMessage.State.queued.rawValue
        }
    }

    /// Claims a message just before it is handed to the mail server: from then on it may reach its
    /// recipient even if this process dies before `markSent`, so a publish counts it as delivered and
    /// never supersedes it. Returns false (claiming nothing) when it is no longer queued.
    public func claim(_ messageID: String, at now: Instant) throws -> Bool {
        try write { db in try claim(db, messageID, at: now) }
    }

    func claim(_ db: SQLDatabase, _ messageID: String, at now: Instant) throws -> Bool {
        try db.execute(sql: "UPDATE outbox SET claimed_at = ? WHERE message_id = ? AND state = ?",
                       arguments: [now.iso8601, messageID, OutboxMessage.State.queued.rawValue])
        return db.changesCount == 1
    }

    /// Records that the server (or folder) accepted a message after `attempts` tries in this run:
    /// it is never sent again.
    public func markSent(_ messageID: String, attempts: Int = 1, at now: Instant) throws {
        // The row its claim locked, beside other writers (see `claimNextDue`).
        try writeWithRowLocks { db in
            // Sent even if a publish superseded it meanwhile: what the recipient got is what counts.
            try db.execute(sql: "UPDATE outbox SET state = ?, sent_at = ?, attempts = attempts + ?, last_error = NULL, "
                + "next_attempt_at = NULL, claimed_at = NULL WHERE message_id = ?",
                arguments: [OutboxMessage.State.sent.rawValue, now, attempts, messageID])
        }
    }

    /// Records `attempts` failed tries: permanent failures stop there, others wait until `retryAt`
    /// (unless a publish superseded the message meanwhile: then it stays dropped).
    public func markFailed(
        _ messageID: String, error: String, permanent: Bool, retryAt: Instant?, attempts: Int = 1, at now: Instant
    ) throws {
        // A permanent failure writes an audit entry, which must take its turn with every write (its
        // number orders the store's change stamp); a retry touches only the message's own row.
        let record = { (db: SQLDatabase) throws in
            let state: OutboxMessage.State = permanent ? .failed : .queued
            // In UTC, as `claimNextDue` compares it.
            let retryAt = retryAt.map { Instant(secondsSinceEpoch: $0.secondsSinceEpoch) }
            // Known to have failed: the recipient does not have it, so the claim goes.
            try db.execute(sql: "UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = ?, next_attempt_at = ?, "
                + "claimed_at = NULL WHERE message_id = ? AND state = ?",
                arguments: [state.rawValue, attempts, error, retryAt, messageID, OutboxMessage.State.queued.rawValue])
            if permanent {
                // Message-IDs are unique in the store: the message says whose event it is.
                let event = try String.fetchOne(db, sql: "SELECT event_id FROM outbox WHERE message_id = ?", arguments: [messageID])
                try self.audit(db, event: event, at: now, command: "invite", action: "mail-failed", detail: "\(messageID): \(error)")
            }
        }
        if permanent { try write(record) } else { try writeWithRowLocks(record) }
    }

    static func message(_ r: OutboxRecord) -> OutboxMessage {
        var m = OutboxMessage(
            messageID: r.messageId, person: r.personId ?? "", session: r.sessionId ?? "", uid: r.uid, sequence: r.sequence,
            kind: NoticeKind(rawValue: r.kind) ?? (r.method == NoticeKind.cancel.itipMethod ? .cancel : .update), room: r.roomId,
            start: r.start, required: r.required, recipient: r.recipient, subject: r.subject,
            bytes: Array(r.message), queuedAt: r.queuedAt, version: r.version.map(Int.init))
        m.state = OutboxMessage.State(rawValue: r.state) ?? .queued
        m.attempts = r.attempts
        m.lastError = r.lastError
        m.nextAttemptAt = r.nextAttemptAt
        m.sentAt = r.sentAt
        m.release = r.release.map(Int.init)
        m.claimedAt = r.claimedAt
        return m
    }
}

/// How the outbox stands, for `convene status`.
public struct OutboxStatus: Sendable, Hashable, Codable {
    public var queued: Int
    public var sent: Int
    public var failed: Int
    /// Dropped unsent because a later publish changed what their recipients must know.
    public var superseded: Int
    /// Messages that failed for good, with the server's answer.
    public var failures: [Failure]
    /// Of the queued, those handed to the mail server by a run that has not heard back yet.
    public var sending = 0
    /// The earliest retry of a queued message that failed for now.
    public var nextAttempt: Instant?

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
        var out = ["mail: \(sent) sent, \(queued) queued" + (sending > 0 ? " (\(sending) sending)" : "") + ", \(failed) failed"
            + (superseded > 0 ? ", \(superseded) superseded (never sent)" : "")]
        for f in failures {
            out.append("  failed: \(f.recipient) (\(f.session), \(f.attempts) attempt\(f.attempts == 1 ? "" : "s")): \(f.error)")
        }
        if let nextAttempt { out.append("  next attempt: \(nextAttempt.iso8601)") }
        return out
    }
}

extension Store {
    /// Counts of queued, sent and failed messages, and every permanent failure.
    public func outboxStatus() throws -> OutboxStatus {
        try read { db in
            func count(_ state: OutboxMessage.State) throws -> Int {
                let f = try outboxFilter(state, db)
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE \(f.sql)", arguments: f.arguments) ?? 0
            }
            let failed = try outboxMessages(.failed, db)
            let failures = try OutboxRecord.fetchAll(db, sql: failed.sql, arguments: failed.arguments)
                .map { OutboxStatus.Failure(messageID: $0.messageId, recipient: $0.recipient, session: $0.sessionId ?? "",
                                            attempts: $0.attempts, error: $0.lastError ?? "") }
            var status = OutboxStatus(queued: try count(.queued), sent: try count(.sent), failed: try count(.failed),
                                      superseded: try count(.superseded), failures: failures)
            let queued = try outboxFilter(.queued, db)
            status.sending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE \(queued.sql) AND claimed_at IS NOT NULL",
                                              arguments: queued.arguments) ?? 0
            status.nextAttempt = try outboxRecords(db, includingBytes: false, where: queued.sql, arguments: queued.arguments)
                .compactMap(\.nextAttemptAt).min()
            return status
        }
    }
}

extension Store {
    /// The condition that keeps this store's event's messages in one state, with its arguments: met
    /// through `outbox_event_state`, so one event's question never walks the other events' queues.
    func outboxFilter(_ state: OutboxMessage.State, _ db: SQLDatabase) throws -> (sql: String, arguments: SQLArguments) {
        let f = try inEvent(db)
        return ("\(f.sql) AND state = ?", f.arguments + [state.rawValue])
    }

    /// The statement that reads this store's event's messages in one state, in the order queued (which
    /// the index keeps, so nothing is sorted).
    func outboxMessages(_ state: OutboxMessage.State, _ db: SQLDatabase) throws -> (sql: String, arguments: SQLArguments) {
        let f = try outboxFilter(state, db)
        return ("SELECT * FROM outbox WHERE \(f.sql) ORDER BY position", f.arguments)
    }

    /// The outbox's columns but the message's bytes, for reads that only want what messages say.
    private static let outboxColumnsWithoutMessage = """
        message_id, event_id, person_id, session_id, uid, sequence, method, kind, room_id, start, recipient, subject, state,
        attempts, last_error, next_attempt_at, queued_at, sent_at, version, position, required, release, claimed_at
        """

    /// The messages meeting a condition, in the order queued; without `includingBytes` their bytes are
    /// never read, and are left empty.
    func outboxRecords(_ db: SQLDatabase, includingBytes: Bool, where condition: String,
                       arguments: SQLArguments) throws -> [OutboxRecord] {
        guard !includingBytes else {
            return try OutboxRecord.fetchAll(db, sql: "SELECT * FROM outbox WHERE \(condition) ORDER BY position", arguments: arguments)
        }
        return try SQLRow.fetchAll(db, sql: "SELECT \(Self.outboxColumnsWithoutMessage) FROM outbox WHERE \(condition) ORDER BY position",
                                   arguments: arguments)
            .map { try OutboxRecord(row: SQLRow(columns: $0.columns + ["message"], values: $0.values + [.blob(Data())])) }
    }
}
