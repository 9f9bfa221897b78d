public import ConveneCore

/// A reply not recorded: held until the organizer records or dismisses it (`convene inbox`).
public struct HeldReply: Sendable, Hashable, Codable {
    /// Its number in the inbox; nil before it is stored.
    public var id: Int64?
    /// The file it was read from.
    public var file: String
    /// The message's From address, when it is a message.
    public var sender: String?
    /// The message's Subject.
    public var subject: String?
    /// The message's Date header, as written.
    public var sentAt: String?
    /// The first lines of its text.
    public var excerpt: String?
    /// The address of the attendee the reply speaks for, when it names one.
    public var attendee: String?
    /// The iTIP REPLY it carries; nil for a reply written in words.
    public var calendar: String?
    /// Why it is held, e.g. `written in words`.
    public var reason: String

    /// A held reply as read; `id` is given by the store.
    public init(id: Int64? = nil, file: String, sender: String?, subject: String?, sentAt: String?, excerpt: String?,
                attendee: String?, calendar: String?, reason: String) {
        self.id = id
        self.file = file
        self.sender = sender
        self.subject = subject
        self.sentAt = sentAt
        self.excerpt = excerpt
        self.attendee = attendee
        self.calendar = calendar
        self.reason = reason
    }
}

/// A row of `held_reply`.
struct HeldReplyRecord: SQLRecord {
    static let databaseTableName = "held_reply"
    static let primaryKey = ["id"]
    static let generatedKey: String? = "id"
    var id: Int64?
    /// Nil for a reply matched to no event, which every event's inbox shows.
    var eventId: String?
    var receivedAt: String
    var file: String
    var sender: String?
    var subject: String?
    var sentAt: String?
    var excerpt: String?
    var attendee: String?
    var calendar: String?
    var reason: String
    var state: String
    var settledAt: String?

    var held: HeldReply {
        HeldReply(id: id, file: file, sender: sender, subject: subject, sentAt: sentAt, excerpt: excerpt,
                  attendee: attendee, calendar: calendar, reason: reason)
    }
}

extension Store {
    /// The replies still held for the event, and those matched to no event, oldest first.
    public func heldReplies() throws -> [HeldReply] {
        try read { db in
            let f = try inEvent(db, orStoreWide: true)
            return try HeldReplyRecord.fetchAll(db, sql: "SELECT * FROM held_reply WHERE \(f.sql) AND state = 'held' ORDER BY id",
                                                arguments: f.arguments).map(\.held)
        }
    }

    /// Holds replies matched to no event of the store (their session is none of any event's), with one
    /// store-wide audit entry: every event's inbox lists them until one records or dismisses them.
    /// Works whatever event the store is scoped to, or none. Returns how many were new.
    @discardableResult
    public func holdUnmatched(_ replies: [HeldReply], command: String, at now: Instant) throws -> Int {
        try write { db in
            let added = try hold(replies, event: nil, db, at: now)
            if added > 0 {
                try audit(db, event: nil, at: now, command: command, action: "rsvp",
                          detail: "\(added) repl\(added == 1 ? "y" : "ies") matched to no event held for the organizer")
            }
            return added
        }
    }

    /// Stores held replies of `event` (nil: of none) inside a caller's transaction; one already held from
    /// the same file with the same content is not held twice. Returns how many were new.
    func hold(_ replies: [HeldReply], event: String?, _ db: SQLDatabase, at now: Instant) throws -> Int {
        var added = 0
        for r in replies {
            guard try !Self.knows(r, db) else { continue }
            let record = HeldReplyRecord(id: nil, eventId: event, receivedAt: now.iso8601, file: r.file, sender: r.sender, subject: r.subject,
                                         sentAt: r.sentAt, excerpt: r.excerpt, attendee: r.attendee, calendar: r.calendar,
                                         reason: r.reason, state: "held", settledAt: nil)
            try record.insert(db)
            added += 1
        }
        return added
    }

    /// Whether this reply was held before, whatever became of it since (a dismissed reply read again stays dismissed).
    public func knowsHeldReply(_ reply: HeldReply) throws -> Bool {
        try read { db in try Self.knows(reply, db) }
    }

    private static func knows(_ r: HeldReply, _ db: SQLDatabase) throws -> Bool {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM held_reply WHERE file = ? AND sender IS NOT DISTINCT FROM ? AND attendee IS NOT DISTINCT FROM ?
            AND calendar IS NOT DISTINCT FROM ? AND excerpt IS NOT DISTINCT FROM ?
            """, arguments: [r.file, r.sender, r.attendee, r.calendar, r.excerpt]) ?? 0 > 0
    }

    /// Marks a reply held for `event` (or for none) `recorded` or `dismissed` inside a caller's
    /// transaction; throws when no such reply with that number is held.
    func settle(_ id: Int64, as state: HeldReplyState, event: String, _ db: SQLDatabase, at now: Instant) throws {
        try db.execute(sql: """
            UPDATE held_reply SET state = ?, settled_at = ? WHERE id = ? AND state = 'held' AND (event_id = ? OR event_id IS NULL)
            """, arguments: [state.rawValue, now.iso8601, id, event])
        guard db.changesCount == 1 else { throw StoreError("no reply \(id) is held (see `convene inbox`)") }
    }

    /// Dismisses a held reply: it is no longer listed, and the audit log says so.
    public func dismissHeldReply(_ id: Int64, at now: Instant) throws {
        try write { db in
            let event = try writeScope(db)
            try settle(id, as: .dismissed, event: event, db, at: now)
            try audit(db, event: event, at: now, command: "inbox dismiss", action: "rsvp", reason: nil,
                      detail: "held reply \(id) dismissed by the organizer", version: nil)
        }
    }
}

/// What became of a held reply.
public enum HeldReplyState: String, Sendable {
    /// Recorded as confirmed by the organizer.
    case recorded
    /// Dropped by the organizer.
    case dismissed
}
