public import ConveneCore
import ConveneMail
public import ConveneStore

/// Makes the draft official: one release, its mail queued and the mail it supersedes dropped,
/// in one transaction. Feeds and mail follow releases only; nobody is mailed about a draft.
public struct Publisher: Sendable {
    /// The database the draft, releases and outbox live in.
    public let store: Store

    /// A publisher over one database.
    public init(store: Store) { self.store = store }

    /// What publishing the draft at `now` would do; saves and composes nothing.
    public func plan(at now: Instant) throws -> PublishPlan {
        let pipeline = ChangePipeline(store: store)
        let facts = try store.factsRevision()
        let current = try pipeline.current()
        let draft = try current.requireDraft()
        guard let published = try PublishedSchedule.load(from: store) else { throw AppError.noEvent }
        let before = published.publication
        let after = published.publishing(draft, at: now)
        let old = Dictionary(before.entries.map { ($0.session.id, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = after.entries.filter { e in
            guard let o = old[e.session.id] else { return true }
            return o.state != e.state || o.sequence != e.sequence
        }.map(\.session.id)
        let mail = NetChange(publication: after, outbox: try store.outbox(includingBytes: false), at: now)
        return PublishPlan(
            at: now, event: current.event, draft: draft, previous: published.latest,
            release: published.nextRelease, facts: facts,
            diff: ScheduleDiff(from: published.latest?.schedule.assignments ?? [], to: draft.assignments, event: current.event),
            changedEntries: changed, conflicts: current.conflicts, notices: mail.notices, supersede: mail.supersede)
    }

    /// Publishes what `plan` worked out: composes every message (a message that cannot be composed
    /// stops the publish), then saves the release, the superseded and the queued messages together.
    ///
    /// Throws `PublishRefused` when the draft breaks hard rules and `force` is false; throws, saving
    /// nothing, when the draft, the facts, the releases or the outbox changed since the plan was made.
    ///
    /// With `pageBaseURL`, each person mailed gets a new page link (saved in the same transaction, beside
    /// their earlier links, which keep working) and every message to them carries it, so they answer on their page.
    @discardableResult
    public func publish(_ plan: PublishPlan, force: Bool, reason: String?, pageBaseURL: String? = nil) throws -> Release {
        if !plan.conflicts.isEmpty && !force { throw PublishRefused(conflicts: plan.conflicts) }
        guard let stored = try store.event() else { throw AppError.noEvent }
        var composer = try InvitationComposer(event: stored.seated(plan.draft.assignments), removed: try store.removedSessions().map(\.session))
        var pageTokens: [String: String] = [:]
        if let pageBaseURL {
            for person in Set(plan.notices.map(\.person)) {
                let token = SecretToken.random()
                pageTokens[person] = token.hash
                composer.pageLinks[person] = PageLinks.url(baseURL: pageBaseURL, token: token)
            }
        }
        let messages = try plan.notices.map { n in
            let m = try composer.compose(n, at: plan.at)
            return OutboxMessage(
                messageID: m.messageID, person: n.person, session: n.session, uid: n.uid, sequence: n.sequence, kind: n.kind,
                room: n.room, start: n.start, required: n.required, recipient: m.to.address, subject: m.subject,
                bytes: try m.render(), queuedAt: plan.at, version: plan.draft.number)
        }
        let text = ScheduleText(event: plan.event)
        var detail = plan.diff.lines(text)
        if !plan.conflicts.isEmpty {
            detail.append("accepted conflicts: " + plan.conflicts.map(\.description).joined(separator: " | "))
        }
        return try store.publish(PublishRecord(
            version: plan.draft.number, after: plan.previous?.number, facts: plan.facts, reason: reason, detail: detail.joined(separator: "; "),
            supersede: plan.supersede.map(\.messageID), queue: messages, pageTokens: pageTokens), at: plan.at)
    }
}
