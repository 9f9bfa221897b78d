public import ConveneCore

extension Store {
    /// Inserts a version of `event` inside a caller's transaction, so other rows can join it atomically.
    func insertVersion(
        _ db: SQLDatabase, _ v: ChangeRecord.Version, event: String, at now: Instant, command: String, reason: String?
    ) throws -> ScheduleVersion {
        var record = ScheduleVersionRecord(
            number: nil, eventId: event, createdAt: now, command: command, reason: reason,
            scoreUnscheduled: v.score?.unscheduled, scoreSoft: v.score?.soft,
            boundUnscheduled: v.lowerBound?.unscheduled, boundSoft: v.lowerBound?.soft)
        record.number = try record.insert(db)
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
    static func latestVersion(_ event: String?, _ db: SQLDatabase) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version WHERE event_id = ?", arguments: [event])
    }

    /// One version by number.
    public func schedule(version number: Int) throws -> ScheduleVersion? {
        try read { db in try version(Int64(number), db) }
    }

    /// Every version, oldest first.
    public func history() throws -> [ScheduleVersion] {
        try read { db in
            return try versions(db).map { r in try make(r, assignments(r.number!, db), unscheduled(r.number!, db)) }
        }
    }

    /// The numbers of this store's event's schedule versions, oldest first (numbers run across the store's events).
    public func versionNumbers() throws -> [Int] {
        try read { db in
            try versions(db).map { Int($0.number!) }
        }
    }

    private func versions(_ db: SQLDatabase) throws -> [ScheduleVersionRecord] {
        let f = try inEvent(db)
        return try ScheduleVersionRecord.fetchAll(db, sql: "SELECT * FROM schedule_version WHERE \(f.sql) ORDER BY number",
                                                  arguments: f.arguments)
    }

    /// One version of this store's event inside a caller's read or transaction.
    func version(_ n: Int64, _ db: SQLDatabase) throws -> ScheduleVersion? {
        let f = try inEvent(db)
        guard let r = try ScheduleVersionRecord.fetchOne(db, sql: "SELECT * FROM schedule_version WHERE \(f.sql) AND number = ?",
                                                         arguments: f.arguments + [n]) else { return nil }
        return make(r, try assignments(n, db), try unscheduled(n, db))
    }

    /// A version's assignments by start then room, each with the people it picks in their order.
    private func assignments(_ n: Int64, _ db: SQLDatabase) throws -> [Assignment] {
        var picked: [String: [String]] = [:]
        // Only each session's people's order matters here.
        for p in try AssignmentPickRecord.fetchAll(db, sql: "SELECT * FROM assignment_pick WHERE version = ? ORDER BY position",
                                                   arguments: [n]) {
            picked[p.sessionId, default: []].append(p.personId)
        }
        return try AssignmentRecord.fetchAll(
            db, sql: "SELECT * FROM assignment WHERE version = ? ORDER BY start, room_id, session_id", arguments: [n])
            .inCodePointOrder { [$0.start.iso8601, $0.roomId, $0.sessionId] }
            .map { Assignment(session: $0.sessionId, room: $0.roomId, start: $0.start, picked: picked[$0.sessionId] ?? []) }
    }

    private func unscheduled(_ n: Int64, _ db: SQLDatabase) throws -> [Solution.Unscheduled] {
        try UnscheduledRecord.fetchAll(db, sql: "SELECT * FROM unscheduled WHERE version = ? ORDER BY session_id", arguments: [n])
            .inCodePointOrder { [$0.sessionId] }
            .map { Solution.Unscheduled(session: $0.sessionId, reason: $0.reason) }
    }

    private func make(_ r: ScheduleVersionRecord, _ a: [Assignment], _ u: [Solution.Unscheduled]) -> ScheduleVersion {
        let score = r.scoreUnscheduled.map { Score(unscheduled: $0, soft: r.scoreSoft ?? 0) }
        let bound = r.boundUnscheduled.map { Score(unscheduled: $0, soft: r.boundSoft ?? 0) }
        return ScheduleVersion(number: Int(r.number!), createdAt: r.createdAt, command: r.command,
                               reason: r.reason, assignments: a, unscheduled: u, score: score, lowerBound: bound)
    }
}

extension Array {
    /// The elements in the code-point order of the texts `key` gives, compared in turn (SQLite's BINARY
    /// collation), ties kept as they came: rows SQLite sorted by those columns stay as they are, and
    /// PostgreSQL's, sorted by its database's collation, come out the same.
    func inCodePointOrder(_ key: (Element) -> [String]) -> [Element] {
        let keyed = map { (key($0), $0) }
        let sorted = keyed.enumerated().sorted { a, b in
            for (x, y) in zip(a.element.0, b.element.0) {
                if codePointLess(x, y) { return true }
                if codePointLess(y, x) { return false }
            }
            return a.offset < b.offset
        }
        return sorted.map(\.element.1)
    }
}
