import ConveneCore
import GRDB

/// A row of `schedule_version`.
struct ScheduleVersionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "schedule_version"
    var number: Int64?
    var eventId: String
    var createdAt: Instant
    var command: String
    var reason: String?
    var scoreUnscheduled: Int?
    var scoreSoft: Int?
    var boundUnscheduled: Int?
    var boundSoft: Int?

    enum Columns {
        static let number = Column(CodingKeys.number)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { number = inserted.rowID }
}

/// A row of `schedule_release`: a schedule version made official.
struct ReleaseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "schedule_release"
    var number: Int64?
    var eventId: String
    var version: Int64
    var publishedAt: Instant
    var reason: String?

    enum Columns {
        static let number = Column(CodingKeys.number)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { number = inserted.rowID }
}

/// A row of `assignment`.
struct AssignmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assignment"
    var eventId: String
    var version: Int64
    var sessionId: String
    var roomId: String
    var start: Instant

    enum Columns {
        static let version = Column(CodingKeys.version)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `assignment_pick`: one person picked for a session in a version, in the schedule's order.
struct AssignmentPickRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assignment_pick"
    var eventId: String
    var version: Int64
    var sessionId: String
    var position: Int
    var personId: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `unscheduled`.
struct UnscheduledRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "unscheduled"
    var eventId: String
    var version: Int64
    var sessionId: String
    var reason: String

    enum Columns {
        static let version = Column(CodingKeys.version)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `audit_log`.
struct AuditRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_log"
    var id: Int64?
    /// Nil for a store-wide entry (a person's token, say), which every event's log shows.
    var eventId: String?
    var at: Instant
    var command: String
    var action: String
    var reason: String?
    var detail: String
    var version: Int64?
    var actor: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `busy_period`.
struct BusyRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "busy_period"
    var id: Int64?
    var eventId: String
    var personId: String
    var start: Instant
    var end: Instant
    var strength: String
    var summary: String?
    var source: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A row of `event`.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var id: String
    var name: String
    var timeZone: String
    var planFile: String
    var data: String
    var importedAt: Instant

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}
