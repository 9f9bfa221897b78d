public import ConveneCore
public import ConveneStore

/// Queues the mail the current schedule requires: the one entry point for `convene invite`.
public struct Invitations: Sendable {
    public let store: Store
    /// The sender; nil means the event's organizer.
    public var from: MailAddress?

    /// Prepares invitations for the event in `store`.
    public init(store: Store, from: MailAddress? = nil) {
        self.store = store
        self.from = from
    }

    /// What queuing would add, composed but not stored.
    public func pending(at now: Instant) throws -> [OutboxMessage] {
        try prepare(at: now).messages
    }

    /// Composes and queues, in one transaction, every message the current schedule requires that was
    /// not queued before. Returns the messages added.
    @discardableResult
    public func queue(at now: Instant, command: String = "invite") throws -> [OutboxMessage] {
        let p = try prepare(at: now)
        try store.queue(p.messages, forVersion: p.version, at: now, command: command)
        return p.messages
    }

    /// Saves a new schedule version and queues the invitations, updates and cancels it requires,
    /// in one transaction: the way admin commands should save schedules once mail is in use.
    @discardableResult
    public func saveSchedule(
        assignments: [Assignment], unscheduled: [Solution.Unscheduled], score: Score?, at now: Instant, command: String,
        reason: String? = nil, detail: String? = nil
    ) throws -> (version: ScheduleVersion, queued: [OutboxMessage]) {
        let mail = try queueing(at: now)
        var queued: [OutboxMessage] = []
        let version = try store.saveChange(
            basedOn: try store.currentSchedule()?.number, assignments: assignments, unscheduled: unscheduled, score: score,
            at: now, command: command, reason: reason, detail: detail ?? "", mail: { version, latest in
                queued = try mail(version, latest)
                return queued
            })!
        return (version, queued)
    }

    /// What a new schedule version requires to be mailed, for `Store.saveChange(mail:)`, `commit` and `undo`,
    /// so that the version and its mail are saved in one transaction.
    public func queueing(at now: Instant) throws -> Store.MailQueue {
        guard let event = try store.event() else {
            throw MailError("\(store.path): no event imported yet (run `convene import PLAN`)")
        }
        let history = try store.history()
        let removed = try store.removedSessions()
        let composer = try InvitationComposer(event: event, from: from, removed: removed.map(\.session))
        return { version, latest in
            let notices = NoticePlanner.notices(event: event, removed: removed, history: history + [version], latest: latest, at: now)
            return try notices.map { try Invitations.outboxMessage($0, composer: composer, at: now, version: version.number) }
        }
    }

    private func prepare(at now: Instant) throws -> (messages: [OutboxMessage], version: Int?) {
        guard let event = try store.event() else {
            throw MailError("\(store.path): no event imported yet (run `convene import PLAN`)")
        }
        let history = try store.history()
        let latest = try store.latestNotices()
        let removed = try store.removedSessions()
        let composer = try InvitationComposer(event: event, from: from, removed: removed.map(\.session))
        let notices = NoticePlanner.notices(event: event, removed: removed, history: history, latest: latest, at: now)
        let version = history.last?.number
        return (try notices.map { try Invitations.outboxMessage($0, composer: composer, at: now, version: version) }, version)
    }

    /// A composed notice as an outbox row.
    static func outboxMessage(_ n: Notice, composer: InvitationComposer, at now: Instant, version: Int?) throws -> OutboxMessage {
        let m = try composer.compose(n, at: now)
        return OutboxMessage(
            messageID: m.messageID, person: n.person, session: n.session, uid: n.uid, sequence: n.sequence,
            method: n.method.rawValue, kind: n.kind.rawValue, room: n.room, start: n.start, recipient: m.to.address,
            subject: m.subject, bytes: try m.render(), queuedAt: now, version: version)
    }
}
