public import ConveneCore
package import GRDB

extension Store {
    /// Inserts a version inside a caller's transaction, so other rows can join it atomically.
    package func insertVersion(
        _ db: Database, assignments: [Assignment], unscheduled: [Solution.Unscheduled], score: Score?,
        at now: Instant, command: String, reason: String?
    ) throws -> ScheduleVersion {
        var v = ScheduleVersionRecord(number: nil, createdAt: now.iso8601, command: command, reason: reason,
                                      scoreUnscheduled: score?.unscheduled, scoreSoft: score?.soft)
        try v.insert(db)
        let number = v.number!
        let known = Set(try String.fetchAll(db, sql: "SELECT id FROM session"))
        for a in assignments {
            guard known.contains(a.session) else { throw StoreError("schedule names unknown session '\(a.session)'") }
            try AssignmentRecord(version: number, sessionId: a.session, roomId: a.room, start: a.start.iso8601).insert(db)
        }
        for u in unscheduled {
            guard known.contains(u.session) else { throw StoreError("schedule names unknown session '\(u.session)'") }
            try UnscheduledRecord(version: number, sessionId: u.session, reason: u.reason).insert(db)
        }
        return ScheduleVersion(number: Int(number), createdAt: now, command: command, reason: reason,
                               assignments: assignments, unscheduled: unscheduled, score: score)
    }

    /// The draft: the latest schedule version, or nil before the first solve.
    public func currentSchedule() throws -> ScheduleVersion? {
        try read { db in
            guard let n = try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version") else { return nil }
            return try version(n, db)
        }
    }

    /// One version by number.
    public func schedule(version number: Int) throws -> ScheduleVersion? {
        try read { db in try version(Int64(number), db) }
    }

    /// Every version, oldest first.
    public func history() throws -> [ScheduleVersion] {
        try read { db in
            let versions = try ScheduleVersionRecord.order(ScheduleVersionRecord.Columns.number).fetchAll(db)
            var assigned: [Int64: [Assignment]] = [:]
            for r in try AssignmentRecord.order(Column("version"), Column("start"), Column("room_id")).fetchAll(db) {
                assigned[r.version, default: []].append(Assignment(session: r.sessionId, room: r.roomId, start: Instant(iso8601: r.start)!))
            }
            var left: [Int64: [Solution.Unscheduled]] = [:]
            for r in try UnscheduledRecord.order(Column("version"), Column("session_id")).fetchAll(db) {
                left[r.version, default: []].append(Solution.Unscheduled(session: r.sessionId, reason: r.reason))
            }
            return versions.map { make($0, assigned[$0.number!] ?? [], left[$0.number!] ?? []) }
        }
    }

    /// One version inside a caller's read or transaction.
    func version(_ n: Int64, _ db: Database) throws -> ScheduleVersion? {
        guard let r = try ScheduleVersionRecord.fetchOne(db, key: n) else { return nil }
        let a = try AssignmentRecord.filter(Column("version") == n).order(Column("start"), Column("room_id")).fetchAll(db)
            .map { Assignment(session: $0.sessionId, room: $0.roomId, start: Instant(iso8601: $0.start)!) }
        let u = try UnscheduledRecord.filter(Column("version") == n).order(Column("session_id")).fetchAll(db)
            .map { Solution.Unscheduled(session: $0.sessionId, reason: $0.reason) }
        return make(r, a, u)
    }

    private func make(_ r: ScheduleVersionRecord, _ a: [Assignment], _ u: [Solution.Unscheduled]) -> ScheduleVersion {
        let score = r.scoreUnscheduled.map { Score(unscheduled: $0, soft: r.scoreSoft ?? 0) }
        return ScheduleVersion(number: Int(r.number!), createdAt: Instant(iso8601: r.createdAt)!, command: r.command,
                               reason: r.reason, assignments: a, unscheduled: u, score: score)
    }
}
