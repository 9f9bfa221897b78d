public import ConveneCore
import GRDB

/// Counts of what the database holds, for `convene status`.
public struct StoreStatus: Sendable, Hashable, Codable {
    public var event: String?
    public var rooms: Int
    public var people: Int
    public var sessions: Int
    public var removedSessions: Int
    public var busyPeriods: Int
    public var scheduleVersions: Int
    public var scheduled: Int
    public var unscheduled: Int
    public var score: Score?
    public var auditEntries: Int
}

extension Store {
    /// What the database holds now.
    public func status() throws -> StoreStatus {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let latest = try ScheduleVersionRecord.order(ScheduleVersionRecord.Columns.number.desc).fetchOne(db)
            let n = latest?.number ?? 0
            return StoreStatus(
                event: try String.fetchOne(db, sql: "SELECT id FROM event"),
                rooms: try count("SELECT COUNT(*) FROM room WHERE removed_at IS NULL"),
                people: try count("SELECT COUNT(*) FROM person WHERE removed_at IS NULL"),
                sessions: try count("SELECT COUNT(*) FROM session WHERE removed_at IS NULL"),
                removedSessions: try count("SELECT COUNT(*) FROM session WHERE removed_at IS NOT NULL"),
                busyPeriods: try count("SELECT COUNT(*) FROM busy_period"),
                scheduleVersions: try count("SELECT COUNT(*) FROM schedule_version"),
                scheduled: try count("SELECT COUNT(*) FROM assignment WHERE version = \(n)"),
                unscheduled: try count("SELECT COUNT(*) FROM unscheduled WHERE version = \(n)"),
                score: latest?.scoreUnscheduled.map { Score(unscheduled: $0, soft: latest?.scoreSoft ?? 0) },
                auditEntries: try count("SELECT COUNT(*) FROM audit_log"))
        }
    }
}
