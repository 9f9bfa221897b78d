import ConveneCore
import GRDB

/// A row of `feed_token`: who a private feed token belongs to, by the token's hash only.
struct FeedTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "feed_token"
    var id: Int64?
    var personId: String
    /// Lowercase hex SHA-256 of the token.
    var hash: String
    var createdAt: Instant
    var revokedAt: Instant?

    enum Columns {
        static let id = Column("id")
        static let personId = Column("person_id")
        static let hash = Column("hash")
        static let revokedAt = Column("revoked_at")
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
