public import ConveneCore

/// A change to the admin pins, saved together with a schedule change.
public enum PinChange: Sendable, Hashable {
    /// Fix a session in a room at a start until it is unpinned.
    case pin(session: String, room: String, start: Instant)
    /// Let the solver move the session again.
    case unpin(session: String)
}

extension Store {
    /// The admin pins, by session id. They outlive re-imports of the plan.
    public func pins() throws -> [String: Session.Pin] {
        try read { db in
            var out: [String: Session.Pin] = [:]
            let f = try inEvent(db)
            for r in try AdminPinRecord.fetchAll(db, sql: "SELECT * FROM admin_pin WHERE \(f.sql)", arguments: f.arguments) {
                out[r.sessionId] = Session.Pin(room: r.roomId, start: r.start)
            }
            return out
        }
    }

    /// The version each undo version brought back, by undo version number.
    public func restoredVersions() throws -> [Int: Int] {
        try read { db in
            let f = try inEvent(db, table: "v")
            let rows = try ScheduleRestoreRecord.fetchAll(db, sql: """
                SELECT r.* FROM schedule_restore r JOIN schedule_version v ON v.number = r.version WHERE \(f.sql)
                """, arguments: f.arguments)
            return Dictionary(uniqueKeysWithValues: rows.map { (Int($0.version), Int($0.restores)) })
        }
    }

    func apply(_ change: PinChange, event: String, _ db: SQLDatabase, at now: Instant) throws {
        switch change {
        case let .pin(session, room, start):
            guard try String.fetchOne(db, sql: "SELECT id FROM session WHERE event_id = ? AND id = ? AND removed_at IS NULL",
                                      arguments: [event, session]) != nil else {
                throw StoreError("no session '\(session)' in the current plan")
            }
            try AdminPinRecord(eventId: event, sessionId: session, roomId: room, start: start, pinnedAt: now).save(db)
        case let .unpin(session):
            try db.execute(sql: "DELETE FROM admin_pin WHERE event_id = ? AND session_id = ?", arguments: [event, session])
            guard db.changesCount > 0 else {
                throw StoreError("session '\(session)' is not pinned by an admin")
            }
        }
    }
}
