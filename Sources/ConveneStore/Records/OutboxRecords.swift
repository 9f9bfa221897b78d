import ConveneCore
import Foundation
import GRDB

/// A row of `outbox`: one message, its bytes and its delivery state.
struct OutboxRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "outbox"
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

    enum Columns {
        static let messageId = Column(CodingKeys.messageId)
        static let personId = Column(CodingKeys.personId)
        static let sessionId = Column(CodingKeys.sessionId)
        static let state = Column(CodingKeys.state)
        static let position = Column(CodingKeys.position)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `rsvp`: one answer from one person about one SEQUENCE of a session.
struct RSVPRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rsvp"
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

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}
