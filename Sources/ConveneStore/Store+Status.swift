public import ConveneCore

/// Counts of what the database holds, for `convene status`.
public struct StoreStatus: Sendable, Hashable, Codable {
    public var event: String?
    public var rooms: Int
    public var people: Int
    public var sessions: Int
    public var removedSessions: Int
    public var busyPeriods: Int
    /// How many schedule versions there are; the latest is the draft.
    public var scheduleVersions: Int
    /// Sessions of the current plan the draft places, and those it leaves out.
    public var scheduled: Int
    public var unscheduled: Int
    public var score: Score?
    /// What no schedule of the plan as it stood could beat, when the draft records it.
    public var lowerBound: Score?
    /// The latest release and the schedule version it made official; nil before the first publish.
    public var release: Int?
    public var publishedVersion: Int?
    public var auditEntries: Int
}

extension Store {
    /// What the database holds now for the store's event.
    public func status() throws -> StoreStatus {
        try read { db in
            let event = try scope(db)
            let f = try inEvent(db)
            // Every count is of the event's rows.
            func count(_ table: String, _ condition: String? = nil) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(f.sql)" + (condition.map { " AND \($0)" } ?? ""),
                                 arguments: f.arguments) ?? 0
            }
            let latest = try ScheduleVersionRecord.fetchOne(
                db, sql: "SELECT * FROM schedule_version WHERE \(f.sql) ORDER BY number DESC LIMIT 1", arguments: f.arguments)
            let n = latest?.number ?? 0
            let planned = try count("session", "removed_at IS NULL")
            // Only sessions the plan still lists: one it dropped is neither scheduled nor left out.
            let scheduled = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM assignment a JOIN session s ON s.event_id = a.event_id AND s.id = a.session_id
                WHERE a.version = ? AND s.removed_at IS NULL
                """, arguments: [n]) ?? 0
            let withStoreWide = try inEvent(db, orStoreWide: true)
            let auditEntries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE \(withStoreWide.sql)",
                                                arguments: withStoreWide.arguments) ?? 0
            let release = try ReleaseRecord.fetchOne(
                db, sql: "SELECT * FROM schedule_release WHERE \(f.sql) ORDER BY number DESC LIMIT 1", arguments: f.arguments)
            return StoreStatus(
                event: try event.flatMap { try String.fetchOne(db, sql: "SELECT id FROM event WHERE id = ?", arguments: [$0]) },
                rooms: try count("room", "removed_at IS NULL"),
                people: try count("person", "removed_at IS NULL"),
                sessions: planned,
                removedSessions: try count("session", "removed_at IS NOT NULL"),
                busyPeriods: try count("busy_period"),
                scheduleVersions: try count("schedule_version"),
                scheduled: scheduled,
                unscheduled: latest == nil ? 0 : planned - scheduled,
                score: latest?.scoreUnscheduled.map { Score(unscheduled: $0, soft: latest?.scoreSoft ?? 0) },
                lowerBound: latest?.boundUnscheduled.map { Score(unscheduled: $0, soft: latest?.boundSoft ?? 0) },
                release: release?.number.map(Int.init), publishedVersion: release.map { Int($0.version) },
                auditEntries: auditEntries)
        }
    }
}
