public import ConveneCore
package import GRDB

extension Store {
    /// Inserts a version of `event` inside a caller's transaction, so other rows can join it atomically.
    package func insertVersion(
        _ db: Database, _ v: ChangeRecord.Version, event: String, at now: Instant, command: String, reason: String?
    ) throws -> ScheduleVersion {
        var record = ScheduleVersionRecord(
            number: nil, eventId: event, createdAt: now, command: command, reason: reason,
            scoreUnscheduled: v.score?.unscheduled, scoreSoft: v.score?.soft,
            boundUnscheduled: v.lowerBound?.unscheduled, boundSoft: v.lowerBound?.soft)
        try record.insert(db)
        let number = record.number!
        let known = Set(try String.fetchAll(db, sql: "SELECT id FROM session WHERE event_id = ?", arguments: [event]))
        let people = Set(try String.fetchAll(db, sql: "SELECT id FROM person WHERE event_id = ?", arguments: [event]))
        for a in v.assignments {
            guard known.contains(a.session) else { throw StoreError("schedule names unknown session '\(a.session)'") }
            try AssignmentRecord(eventId: event, version: number, sessionId: a.session, roomId: a.room, start: a.start).insert(db)
            for (i, person) in a.picked.enumerated() {
                guard people.contains(person) else { throw StoreError("schedule picks unknown person '\(person)' for '\(a.session)'") }
                try AssignmentPickRecord(eventId: event, version: number, sessionId: a.session, position: i, personId: person).insert(db)
            }
        }
        for u in v.unscheduled {
            guard known.contains(u.session) else { throw StoreError("schedule names unknown session '\(u.session)'") }
            try UnscheduledRecord(eventId: event, version: number, sessionId: u.session, reason: u.reason).insert(db)
        }
        return make(record, v.assignments, v.unscheduled)
    }

    /// The draft: the latest schedule version, or nil before the first solve.
    public func currentSchedule() throws -> ScheduleVersion? {
        try read { db in
            guard let n = try Store.latestVersion(try scope(db), db) else { return nil }
            return try version(n, db)
        }
    }

    /// The number of an event's latest schedule version (numbers run across the store's events).
    static func latestVersion(_ event: String?, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version WHERE event_id IS ?", arguments: [event])
    }

    /// One version by number.
    public func schedule(version number: Int) throws -> ScheduleVersion? {
        try read { db in try version(Int64(number), db) }
    }

    /// Every version, oldest first.
    public func history() throws -> [ScheduleVersion] {
        try read { db in
            let versions = try inEvent(ScheduleVersionRecord.self, db).order(ScheduleVersionRecord.Columns.number).fetchAll(db)
            return try versions.map { r in try make(r, assignments(r.number!, db), unscheduled(r.number!, db)) }
        }
    }

    /// The numbers of this store's event's schedule versions, oldest first (numbers run across the store's events).
    public func versionNumbers() throws -> [Int] {
        try read { db in
            try inEvent(ScheduleVersionRecord.self, db).order(ScheduleVersionRecord.Columns.number).fetchAll(db).map { Int($0.number!) }
        }
    }

    /// One version of this store's event inside a caller's read or transaction.
    func version(_ n: Int64, _ db: Database) throws -> ScheduleVersion? {
        guard let r = try inEvent(ScheduleVersionRecord.self, db).filter(key: n).fetchOne(db) else { return nil }
        return make(r, try assignments(n, db), try unscheduled(n, db))
    }

    /// A version's assignments by start then room, each with the people it picks in their order.
    private func assignments(_ n: Int64, _ db: Database) throws -> [Assignment] {
        var picked: [String: [String]] = [:]
        for p in try AssignmentPickRecord.filter(Column("version") == n).order(Column("session_id"), Column("position")).fetchAll(db) {
            picked[p.sessionId, default: []].append(p.personId)
        }
        return try AssignmentRecord.filter(Column("version") == n).order(Column("start"), Column("room_id")).fetchAll(db).map {
            Assignment(session: $0.sessionId, room: $0.roomId, start: $0.start, picked: picked[$0.sessionId] ?? [])
        }
    }

    private func unscheduled(_ n: Int64, _ db: Database) throws -> [Solution.Unscheduled] {
        try UnscheduledRecord.filter(Column("version") == n).order(Column("session_id")).fetchAll(db)
            .map { Solution.Unscheduled(session: $0.sessionId, reason: $0.reason) }
    }

    private func make(_ r: ScheduleVersionRecord, _ a: [Assignment], _ u: [Solution.Unscheduled]) -> ScheduleVersion {
        let score = r.scoreUnscheduled.map { Score(unscheduled: $0, soft: r.scoreSoft ?? 0) }
        let bound = r.boundUnscheduled.map { Score(unscheduled: $0, soft: r.boundSoft ?? 0) }
        return ScheduleVersion(number: Int(r.number!), createdAt: r.createdAt, command: r.command,
                               reason: r.reason, assignments: a, unscheduled: u, score: score, lowerBound: bound)
    }
}
