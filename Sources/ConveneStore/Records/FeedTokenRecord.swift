import GRDB

/// A row of `feed_token`: who a private feed token belongs to, by the token's hash only.
struct FeedTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "feed_token"
    var id: Int64?
    var personId: String
    /// Lowercase hex SHA-256 of the token.
    var hash: String
    var createdAt: String
    var revokedAt: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let personId = Column(CodingKeys.personId)
        static let hash = Column(CodingKeys.hash)
        static let revokedAt = Column(CodingKeys.revokedAt)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
