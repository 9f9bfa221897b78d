import GRDB

/// A row of `availability_answer`: one save of a person's availability grid.
struct AvailabilityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "availability_answer"
    var id: Int64?
    var eventId: String
    var personId: String
    var answeredAt: String
    var anyTime: Bool
    var note: String?
    /// The cells not marked available, as JSON `[{"interval": [start, end], "mark": …}]`.
    var cells: String

    enum Columns {
        static let id = Column("id")
        static let personId = Column("person_id")
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
