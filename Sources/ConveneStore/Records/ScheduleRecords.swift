import ConveneCore

/// A row of `schedule_version`.
struct ScheduleVersionRecord: SQLRecord {
    static let databaseTableName = "schedule_version"
    static let primaryKey = ["number"]
    static let generatedKey: String? = "number"
    var number: Int64?
    var eventId: String
    var createdAt: Instant
    var command: String
    var reason: String?
    var scoreUnscheduled: Int?
    var scoreSoft: Int?
    var boundUnscheduled: Int?
    var boundSoft: Int?
}

/// A row of `schedule_release`: a schedule version made official.
struct ReleaseRecord: SQLRecord {
    static let databaseTableName = "schedule_release"
    static let primaryKey = ["number"]
    static let generatedKey: String? = "number"
    var number: Int64?
    var eventId: String
    var version: Int64
    var publishedAt: Instant
    var reason: String?
}

/// A row of `assignment`.
struct AssignmentRecord: SQLRecord {
    static let databaseTableName = "assignment"
    static let primaryKey = ["version", "session_id"]
    var eventId: String
    var version: Int64
    var sessionId: String
    var roomId: String
    var start: Instant
}

/// A row of `assignment_pick`: one person picked for a session in a version, in the schedule's order.
struct AssignmentPickRecord: SQLRecord {
    static let databaseTableName = "assignment_pick"
    static let primaryKey = ["version", "session_id", "position"]
    var eventId: String
    var version: Int64
    var sessionId: String
    var position: Int
    var personId: String
}

/// A row of `unscheduled`.
struct UnscheduledRecord: SQLRecord {
    static let databaseTableName = "unscheduled"
    static let primaryKey = ["version", "session_id"]
    var eventId: String
    var version: Int64
    var sessionId: String
    var reason: String
}

/// A row of `audit_log`.
struct AuditRecord: SQLRecord {
    static let databaseTableName = "audit_log"
    static let primaryKey = ["id"]
    static let generatedKey: String? = "id"
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
}

/// A row of `busy_period`.
struct BusyRecord: SQLRecord {
    static let databaseTableName = "busy_period"
    static let primaryKey = ["id"]
    static let generatedKey: String? = "id"
    var id: Int64?
    var eventId: String
    var personId: String
    var start: Instant
    var end: Instant
    var strength: String
    var summary: String?
    var source: String?
}

/// A row of `event`.
struct EventRecord: SQLRecord {
    static let databaseTableName = "event"
    static let primaryKey = ["id"]
    var id: String
    var name: String
    var timeZone: String
    var planFile: String
    var data: String
    var importedAt: Instant
}
