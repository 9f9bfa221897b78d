
/// A row of `availability_answer`: one save of a person's availability grid.
struct AvailabilityRecord: SQLRecord {
    static let databaseTableName = "availability_answer"
    static let primaryKey = ["id"]
    static let generatedKey: String? = "id"
    var id: Int64?
    var eventId: String
    var personId: String
    var answeredAt: String
    var anyTime: Bool
    var note: String?
    /// The cells not marked available, as JSON `[{"interval": [start, end], "mark": …}]`.
    var cells: String
}
