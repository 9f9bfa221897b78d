import ConveneCore
import GRDB

/// A row of `admin_pin`: where an admin fixed a session.
struct AdminPinRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "admin_pin"
    var eventId: String
    var sessionId: String
    var roomId: String
    var start: Instant
    var pinnedAt: Instant

    enum Columns {
        static let sessionId = Column(CodingKeys.sessionId)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `schedule_restore`: the version an undo brought back.
struct ScheduleRestoreRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "schedule_restore"
    var version: Int64
    var restores: Int64

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}
