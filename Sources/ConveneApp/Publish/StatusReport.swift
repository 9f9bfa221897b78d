public import ConveneCore
public import ConveneStore

/// What `convene status` shows: what the database holds, the draft against what is published,
/// the outbox, and who is coming.
public struct StatusReport: Sendable, Encodable {
    /// What the database holds.
    public var store: StoreStatus
    /// How the outbox stands.
    public var mail: OutboxStatus
    /// Who is coming, where the draft places each session.
    public var attendance: [SessionAttendance]
    /// What publishing the draft now would do; nil before the first schedule.
    public var pending: PublishPlan?

    /// Reads everything as of `now`.
    public static func load(from store: Store, at now: Instant) throws -> StatusReport {
        let status = try store.status()
        let current = try CurrentSchedule.load(from: store)
        let pending = current?.draft == nil ? nil : try Publisher(store: store).plan(at: now)
        let attendance = current.map {
            SessionAttendance.all(event: $0.event, answers: $0.answers, schedule: $0.draft?.assignments ?? [])
        } ?? []
        return StatusReport(store: status, mail: try store.outboxStatus(), attendance: attendance, pending: pending)
    }

    /// True when a publish would change what subscribers see or who gets mail.
    public var unpublishedChanges: Bool { pending.map { !$0.isEmpty } ?? false }

    /// Lines to print, in the admin's words.
    public func lines(database: String) -> [String] {
        guard let event = store.event else { return ["\(database): \(AppError.noEvent.message)"] }
        var out = ["event \(event): \(store.rooms) rooms, \(store.people) people, \(store.sessions) sessions"
            + (store.removedSessions > 0 ? " (\(store.removedSessions) removed)" : "") + ", \(store.busyPeriods) busy periods"]
        guard let pending else { return out + ["no schedule yet"] + mail.lines }
        out.append("draft: schedule version \(pending.draft.number): \(store.scheduled) scheduled, \(store.unscheduled) unscheduled"
            + (pending.draft.scoreText.map { ", \($0)" } ?? ""))
        if let release = pending.previous {
            out.append("published: release \(release.number), schedule version \(release.schedule.number), at \(release.publishedAt.iso8601)")
        } else {
            out.append("published: nothing yet")
        }
        if pending.isEmpty {
            out.append("no unpublished changes")
        } else {
            let n = pending.changedEntries.count
            out.append("unpublished changes: \(n) session\(n == 1 ? "" : "s") would change for subscribers, "
                + "\(pending.notices.count) message\(pending.notices.count == 1 ? "" : "s") would be queued"
                + (pending.supersede.isEmpty ? "" : ", \(pending.supersede.count) queued superseded")
                + " (see `convene publish --dry-run`)")
        }
        if !pending.conflicts.isEmpty { out.append("the draft breaks \(pending.conflicts.count) hard rule(s): see `convene conflicts`") }
        out += mail.lines
        if !attendance.isEmpty {
            let text = ScheduleText(event: pending.event)
            out.append("attendance (accepted, declined, tentative, no answer), where the draft places each session:")
            for a in attendance {
                out.append("  \(a.line)")
                out += a.details(text).map { "    \($0)" }
            }
        }
        return out
    }

    /// The database's counts at the top level, then `draftVersion`, `unpublishedChanges`,
    /// `pendingMessages`, `mail` and `attendance`.
    public func encode(to encoder: any Encoder) throws {
        try store.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(pending?.draft.number, forKey: .draftVersion)
        try c.encode(unpublishedChanges, forKey: .unpublishedChanges)
        try c.encode(pending?.notices.count ?? 0, forKey: .pendingMessages)
        try c.encode(mail, forKey: .mail)
        try c.encode(attendance, forKey: .attendance)
    }

    enum Keys: String, CodingKey { case draftVersion, unpublishedChanges, pendingMessages, mail, attendance }
}
