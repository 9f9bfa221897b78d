public import ConveneCore
import GRDB

/// A change to the admin pins, saved together with a schedule change.
public enum PinChange: Sendable, Hashable {
    /// Fix a session in a room at a start until it is unpinned.
    case pin(session: String, room: String, start: Instant)
    /// Let the solver move the session again.
    case unpin(session: String)
}

/// What `undo` did: the version it brought back and the new version holding it.
public struct UndoResult: Sendable, Hashable {
    public var restored: ScheduleVersion
    public var version: ScheduleVersion
}

extension Store {
    /// The admin pins, by session id. They outlive re-imports of the plan.
    public func pins() throws -> [String: Session.Pin] {
        try read { db in
            var out: [String: Session.Pin] = [:]
            for r in try AdminPinRecord.fetchAll(db) {
                guard let start = Instant(iso8601: r.start) else { continue }
                out[r.sessionId] = Session.Pin(room: r.roomId, start: start)
            }
            return out
        }
    }

    /// The current plan with the admin pins laid over it: what scheduling and conflicts work on.
    public func pinnedEvent() throws -> Event? {
        guard let event = try event() else { return nil }
        return event.applying(pins: try pins())
    }

    /// Saves a change in one transaction: a new schedule version (when `assignments` is given)
    /// with the mail it requires (when `mail` is given), a pin change (when given) and the audit entry.
    ///
    /// - Parameter basedOn: the version the change was worked out from; if another process
    ///   has saved a version since, nothing is saved and the error says so.
    @discardableResult
    public func saveChange(
        basedOn: Int?, assignments: [Assignment]?, unscheduled: [Solution.Unscheduled] = [], score: Score? = nil,
        pin: PinChange? = nil, at now: Instant, command: String, reason: String?, detail: String, mail: MailQueue? = nil
    ) throws -> ScheduleVersion? {
        try write { db in
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version")
            guard latest == basedOn else {
                throw StoreError("the schedule changed (now version \(latest ?? 0), was \(basedOn ?? 0)) "
                    + "while this change was worked out; nothing was saved, run the command again")
            }
            if let pin { try apply(pin, db, at: now) }
            if let assignments {
                let version = try insertVersion(db, assignments: assignments, unscheduled: unscheduled, score: score,
                                                at: now, command: command, reason: reason, detail: detail)
                try queueMail(mail, for: version, db, at: now, command: command)
                return version
            }
            try audit(db, at: now, command: command, action: command, reason: reason, detail: detail)
            return nil
        }
    }

    private func apply(_ change: PinChange, _ db: Database, at now: Instant) throws {
        switch change {
        case let .pin(session, room, start):
            guard try String.fetchOne(db, sql: "SELECT id FROM session WHERE id = ? AND removed_at IS NULL",
                                      arguments: [session]) != nil else {
                throw StoreError("no session '\(session)' in the current plan")
            }
            try AdminPinRecord(sessionId: session, roomId: room, start: start.iso8601, pinnedAt: now.iso8601).save(db)
        case let .unpin(session):
            guard try AdminPinRecord.deleteOne(db, key: session) else {
                throw StoreError("session '\(session)' is not pinned by an admin")
            }
        }
    }

    /// Returns to the schedule before the latest change, as a new version (nothing is erased).
    ///
    /// Undoing an undo's result steps further back: each undo remembers the version it
    /// brought back, and the next one goes to the version before that.
    public func undo(at now: Instant, reason: String?, mail: MailQueue? = nil) throws -> UndoResult {
        try write { db in
            guard let latest = try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version") else {
                throw StoreError("there is no schedule to undo (run `convene schedule` first)")
            }
            var effective = latest
            while let r = try ScheduleRestoreRecord.fetchOne(db, key: effective) { effective = r.restores }
            guard let target = try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM schedule_version WHERE number < ?",
                                                  arguments: [effective]) else {
                throw StoreError("nothing to undo: version \(effective) is the first schedule")
            }
            var restored = target
            while let r = try ScheduleRestoreRecord.fetchOne(db, key: restored) { restored = r.restores }
            let old = try readVersion(db, target)!
            let made = try insertVersion(db, assignments: old.assignments, unscheduled: old.unscheduled, score: old.score,
                                         at: now, command: "undo", reason: reason,
                                         detail: "restores version \(restored) (undoes version \(effective))")
            try ScheduleRestoreRecord(version: Int64(made.number), restores: restored).insert(db)
            try queueMail(mail, for: made, db, at: now, command: "undo")
            var shown = old
            shown.number = Int(restored)
            return UndoResult(restored: shown, version: made)
        }
    }

    /// The version an undo version brought back, by undo version number.
    public func restoredVersions() throws -> [Int: Int] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try ScheduleRestoreRecord.fetchAll(db).map { (Int($0.version), Int($0.restores)) })
        }
    }

    private func queueMail(_ mail: MailQueue?, for version: ScheduleVersion, _ db: Database, at now: Instant,
                           command: String) throws {
        guard let mail else { return }
        _ = try queue(db, try mail(version, try latestNotices(db)), at: now, command: command)
    }

    // Store+Schedule keeps its reader private; this one runs inside the undo's transaction.
    private func readVersion(_ db: Database, _ n: Int64) throws -> ScheduleVersion? {
        guard let r = try ScheduleVersionRecord.fetchOne(db, key: n) else { return nil }
        let a = try AssignmentRecord.filter(Column("version") == n).order(Column("start"), Column("room_id")).fetchAll(db)
            .map { Assignment(session: $0.sessionId, room: $0.roomId, start: Instant(iso8601: $0.start)!) }
        let u = try UnscheduledRecord.filter(Column("version") == n).order(Column("session_id")).fetchAll(db)
            .map { Solution.Unscheduled(session: $0.sessionId, reason: $0.reason) }
        return ScheduleVersion(number: Int(n), createdAt: Instant(iso8601: r.createdAt)!, command: r.command, reason: r.reason,
                               assignments: a, unscheduled: u,
                               score: r.scoreUnscheduled.map { Score(unscheduled: $0, soft: r.scoreSoft ?? 0) })
    }
}

extension Store {
    /// The plan with admin pins, busy times and the latest schedule, for the admin commands.
    ///
    /// - Parameter declines: required participants' declines; by default, those recorded from RSVP replies.
    public func currentState(declines: [Decline]? = nil) throws -> CurrentSchedule {
        guard let event = try pinnedEvent() else { throw StoreError("no event imported yet (run `convene import PLAN`)") }
        guard let version = try currentSchedule() else { throw StoreError("no schedule yet (run `convene schedule`)") }
        return CurrentSchedule(event: event, busy: try busy(), declines: try declines ?? self.declines(), version: version)
    }

    /// Saves a checked change as a new version with its audit entry (and a pin change, if any).
    ///
    /// Throws `ChangeRefused` when it adds a conflict and `force` is false; then nothing is saved.
    @discardableResult
    public func commit(
        _ change: ProposedChange, force: Bool, pin: PinChange? = nil, at now: Instant, command: String, reason: String?,
        text: ScheduleText, mail: MailQueue? = nil
    ) throws -> ScheduleVersion {
        try change.check(force: force)
        return try saveChange(basedOn: change.basedOn, assignments: change.assignments, unscheduled: change.unscheduled,
                              score: change.score, pin: pin, at: now, command: command, reason: reason,
                              detail: change.detail(text), mail: mail)!
    }
}
