public import ConveneCore
import GRDB

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
            for r in try inEvent(AdminPinRecord.self, db).fetchAll(db) {
                out[r.sessionId] = Session.Pin(room: r.roomId, start: r.start)
            }
            return out
        }
    }

    /// The version each undo version brought back, by undo version number.
    public func restoredVersions() throws -> [Int: Int] {
        try read { db in
            let rows = try ScheduleRestoreRecord.fetchAll(db, sql: """
                SELECT r.* FROM schedule_restore r JOIN schedule_version v ON v.number = r.version WHERE v.event_id IS ?
                """, arguments: [try scope(db)])
            return Dictionary(uniqueKeysWithValues: rows.map { (Int($0.version), Int($0.restores)) })
        }
    }

    func apply(_ change: PinChange, event: String, _ db: Database, at now: Instant) throws {
        switch change {
        case let .pin(session, room, start):
            guard try String.fetchOne(db, sql: "SELECT id FROM session WHERE event_id = ? AND id = ? AND removed_at IS NULL",
                                      arguments: [event, session]) != nil else {
                throw StoreError("no session '\(session)' in the current plan")
            }
            try AdminPinRecord(eventId: event, sessionId: session, roomId: room, start: start, pinnedAt: now).save(db)
        case let .unpin(session):
            guard try AdminPinRecord.deleteOne(db, key: ["event_id": event, "session_id": session]) else {
                throw StoreError("session '\(session)' is not pinned by an admin")
            }
        }
    }
}
