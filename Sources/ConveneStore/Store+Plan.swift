public import ConveneCore
import Foundation

/// What `importPlan` changed.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var added: Int
    public var updated: Int
    public var removed: Int
    public var unchanged: Int
    public var busyPeriods: Int
}

extension Store {
    /// Stores a plan inside a caller's transaction: a new event id adds the event beside those held;
    /// a known one updates it, its entities added, updated by id, or marked removed; schedule history
    /// is kept. Busy times replace those of the event's earlier imports; other events are not touched.
    func importPlan(
        _ db: SQLDatabase, _ event: Event, planFile: String, busy: [String: [BusyPeriod]], at now: Instant
    ) throws -> ImportSummary {
        var header = event
        header.rooms = []
        header.stakeholders = []
        header.sessions = []
        try EventRecord(id: event.id, name: event.name.bilingual, timeZone: event.timeZone, planFile: planFile,
                        data: try json(header), importedAt: now).save(db)
        var summary = ImportSummary(added: 0, updated: 0, removed: 0, unchanged: 0, busyPeriods: 0)
        try sync(RoomRecord.self, event.rooms, event: event.id, at: now, db, &summary)
        try sync(PersonRecord.self, event.stakeholders, event: event.id, at: now, db, &summary)
        try sync(SessionRecord.self, event.sessions, event: event.id, at: now, db, &summary)
        try db.execute(sql: "DELETE FROM busy_period WHERE event_id = ?", arguments: [event.id])
        for (person, periods) in busy.sorted(by: { $0.key < $1.key }) {
            for p in periods {
                try BusyRecord(id: nil, eventId: event.id, personId: person, start: p.interval.start, end: p.interval.end,
                               strength: p.strength.rawValue, summary: p.summary, source: p.source).insert(db)
                summary.busyPeriods += 1
            }
        }
        return summary
    }

    /// The event a plan import goes to: the plan's own, which must be the one the store is scoped to, if any.
    func importScope(_ plan: Event) throws -> String {
        if let eventID, eventID != plan.id {
            throw StoreError("the plan is event '\(plan.id)', not '\(eventID)'; give --event \(plan.id) or none")
        }
        return plan.id
    }

    private func sync<R: EntityRecord>(
        _ type: R.Type, _ values: [R.Value], event: String, at now: Instant, _ db: SQLDatabase, _ summary: inout ImportSummary
    ) throws {
        let rows = try R.fetchAll(db, sql: "SELECT * FROM \(R.databaseTableName) WHERE event_id = ?", arguments: [event])
        var existing = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        for (i, v) in values.enumerated() {
            var record = try R(v, eventId: event, position: i)
            if let old = existing.removeValue(forKey: v.id) {
                if old.data == record.data && old.position == i && old.removedAt == nil {
                    summary.unchanged += 1
                    continue
                }
                summary.updated += 1
                record.removedAt = nil
                try record.update(db)
            } else {
                summary.added += 1
                try record.insert(db)
            }
        }
        for var gone in existing.values where gone.removedAt == nil {
            gone.removedAt = now
            try gone.update(db)
            summary.removed += 1
        }
    }

    /// The current plan: the event with the rooms, people and sessions it now lists.
    public func event() throws -> Event? {
        try read { db in
            guard let id = try scope(db), let record = try EventRecord.fetchOne(db, key: [id]) else { return nil }
            var event = try JSONDecoder().decode(Event.self, from: Data(record.data.utf8))
            event.rooms = try current(RoomRecord.self, db)
            event.stakeholders = try current(PersonRecord.self, db)
            event.sessions = try current(SessionRecord.self, db)
            return event
        }
    }

    /// The ids of the events this store holds, in order.
    public func eventIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY id").inCodePointOrder { [$0] } }
    }

    /// The plan file the event was last imported from.
    public func planFile() throws -> String? {
        try read { db in try scope(db).flatMap { try EventRecord.fetchOne(db, key: [$0])?.planFile } }
    }

    private func current<R: EntityRecord>(_ type: R.Type, _ db: SQLDatabase) throws -> [R.Value] {
        let f = try inEvent(db)
        return try R.fetchAll(db, sql: "SELECT * FROM \(R.databaseTableName) WHERE \(f.sql) AND removed_at IS NULL ORDER BY position",
                              arguments: f.arguments).map { try $0.value() }
    }

    /// Sessions the plan once listed and no longer does, with when they were dropped.
    public func removedSessions() throws -> [RemovedSession] {
        try read { db in
            let f = try inEvent(db)
            return try SessionRecord.fetchAll(db, sql: "SELECT * FROM session WHERE \(f.sql) AND removed_at IS NOT NULL ORDER BY id",
                                              arguments: f.arguments)
                .inCodePointOrder { [$0.id] }
                .map { RemovedSession(session: try $0.value(), removedAt: $0.removedAt!) }
        }
    }

    /// Every person's busy times from their calendars, as last imported.
    public func busy() throws -> [String: [BusyPeriod]] {
        try read { db in
            var out: [String: [BusyPeriod]] = [:]
            let f = try inEvent(db)
            for r in try BusyRecord.fetchAll(db, sql: "SELECT * FROM busy_period WHERE \(f.sql) ORDER BY id", arguments: f.arguments) {
                out[r.personId, default: []].append(BusyPeriod(
                    interval: Interval(start: r.start, end: r.end), strength: BusyPeriod.Strength(rawValue: r.strength) ?? .busy,
                    summary: r.summary, source: r.source))
            }
            return out
        }
    }
}
