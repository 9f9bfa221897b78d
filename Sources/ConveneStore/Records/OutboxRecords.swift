import ConveneCore
import Foundation

/// A row of `outbox`: one message, its bytes and its delivery state.
struct OutboxRecord: SQLRecord {
    static let databaseTableName = "outbox"
    static let primaryKey = ["message_id"]
    var messageId: String
    var eventId: String
    /// Nil for a message to an address that is no person of the event (the organizer's digest).
    var personId: String?
    /// Nil for a message about no session (a request for availability).
    var sessionId: String?
    var uid: String
    var sequence: Int
    /// The iTIP method; nil for a message with no calendar part.
    var method: String?
    var kind: String
    var roomId: String
    var start: Instant
    var recipient: String
    var subject: String
    /// The message's bytes as a BLOB (a `[UInt8]` would be stored as JSON text, three times larger).
    var message: Data
    var state: String
    var attempts: Int
    var lastError: String?
    var nextAttemptAt: Instant?
    var queuedAt: Instant
    var sentAt: Instant?
    var version: Int64?
    var position: Int64
    /// REQ-PARTICIPANT (true) or OPT-PARTICIPANT; nil for messages queued before roles were kept.
    var required: Bool?
    /// The release that queued it; nil for messages queued before releases existed.
    var release: Int64?
    /// When a delivery run last handed it to the mail server without hearing back yet.
    var claimedAt: Instant?
}

/// A row of `rsvp`: one answer from one person about one SEQUENCE of a session.
struct RSVPRecord: SQLRecord {
    static let databaseTableName = "rsvp"
    static let primaryKey = ["id"]
    static let generatedKey: String? = "id"
    var id: Int64?
    var eventId: String
    var personId: String
    var sessionId: String
    var sequence: Int
    var answer: String
    var repliedAt: Instant?
    var receivedAt: Instant
    var source: String
    var comment: String?
    var roomId: String?
    var start: Instant?
}
