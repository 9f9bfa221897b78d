import ConveneCore

/// A row of `admin_pin`: where an admin fixed a session.
struct AdminPinRecord: SQLRecord {
    static let databaseTableName = "admin_pin"
    static let primaryKey = ["event_id", "session_id"]
    var eventId: String
    var sessionId: String
    var roomId: String
    var start: Instant
    var pinnedAt: Instant
}

/// A row of `schedule_restore`: the version an undo brought back.
struct ScheduleRestoreRecord: SQLRecord {
    static let databaseTableName = "schedule_restore"
    static let primaryKey = ["version"]
    var version: Int64
    var restores: Int64
}
