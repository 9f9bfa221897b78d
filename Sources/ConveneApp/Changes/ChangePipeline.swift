public import ConveneCore
public import ConveneStore

/// The one way anything changes: load → propose → check with the rule book → accept, or refuse
/// with the reasons (`force` accepts them and the audit log records them) → save, in one transaction.
/// A change that changes nothing saves nothing.
public struct ChangePipeline: Sendable {
    /// The database every change is read from and saved to.
    public let store: Store

    /// The pipeline over one database.
    public init(store: Store) { self.store = store }

    /// The plan, calendars, answers and draft as they stand; throws before the first import.
    public func current() throws -> CurrentSchedule {
        guard let current = try CurrentSchedule.load(from: store) else { throw AppError.noEvent }
        return current
    }

    /// Works a change out and checks it against the rule book, saving nothing.
    public func preview(_ change: some Change) throws -> ProposedChange {
        try change.propose(ChangeContext(store: store, current: try CurrentSchedule.load(from: store)))
    }

    /// Works a change out, checks it and saves it. Throws `ChangeRefused` (saving nothing) when it adds
    /// conflicts and is neither forced nor a fact; saves nothing when it changes nothing. Throws, saving
    /// nothing, when another process saved a version or changed the plan, calendars, answers or pins
    /// while the change was worked out (a solve takes minutes): it was judged against facts no longer true.
    @discardableResult
    public func apply(_ change: some Change, force: Bool, reason: String?, at now: Instant) throws -> ChangeOutcome {
        // Read first: whatever changes after this moment, the save sees and refuses.
        let facts = try store.factsRevision()
        let current = try CurrentSchedule.load(from: store)
        let proposal = try change.propose(ChangeContext(store: store, current: current))
        try proposal.check(force: force)
        guard !proposal.isEmpty else { return ChangeOutcome(proposal: proposal, saved: nil) }
        guard let event = current?.event ?? proposal.plan?.event else { throw AppError.noEvent }
        let text = ScheduleText(event: event)
        // A fact is recorded whatever conflicts it brings, so facts saved meanwhile do not make it stale;
        // anything worked out from the facts (a schedule, a hand edit) is.
        let saved = try store.save(ChangeRecord(
            basedOn: proposal.basedOn, facts: proposal.recordsFacts ? nil : facts, command: proposal.command, reason: reason, detail: proposal.detail(text),
            plan: proposal.plan, version: proposal.schedule, pin: proposal.pin, answers: proposal.answers,
            held: proposal.held, settles: proposal.settles, availability: proposal.availability,
            liveCalendars: proposal.liveCalendars), at: now)
        return ChangeOutcome(proposal: proposal, saved: saved)
    }
}

/// What applying a change did.
public struct ChangeOutcome: Sendable {
    /// The change as worked out and checked.
    public var proposal: ProposedChange
    /// What was written; nil when the change changed nothing and nothing was saved.
    public var saved: SavedChange?
}
