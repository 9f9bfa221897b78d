public import ConveneCore
public import ConveneStore
import ConveneMail

/// What the organizer has not been told yet: facts recorded (answers, availability, calendars),
/// replies held in the inbox, conflicts that are new since the last digest in the rule book's words,
/// and what `reschedule --dry-run` would move about them.
public struct OrganizerDigest: Sendable, Hashable, Codable {
    /// The audit actions that are facts: what people and calendars said, not what the organizer did.
    public static let factActions: Set<String> = ["rsvp", "availability", "import", "calendar"]

    /// The event's id.
    public var event: String
    /// Facts recorded since the last digest, oldest first, as the audit log words them.
    public var facts: [AuditEntry]
    /// Replies held for the organizer since the last digest (a COUNTER with its proposed time).
    public var held: [InboxEntry]
    /// Conflicts of the draft not named by the last digest, as `convene conflicts` words them.
    public var newConflicts: [String]
    /// What `reschedule --dry-run` would move, when there are new conflicts.
    public var moves: [String]
    /// Where the last digest stopped; nil before the first.
    public var previous: DigestCursor?
    /// Where this one stops.
    public var next: DigestCursor

    /// What changed since the last digest; nil when nothing did. Saves nothing: the reschedule is worked
    /// out as `reschedule --dry-run` does (`solveTimeLimit`, seed 1) and thrown away.
    public static func pending(store: Store, solveTimeLimit: Duration = .seconds(2)) throws -> OrganizerDigest? {
        let pipeline = ChangePipeline(store: store)
        let current = try pipeline.current()
        let previous = try store.digestCursor()
        let log = try store.auditLog()
        let facts = log.filter { $0.id > (previous?.auditID ?? 0) && factActions.contains($0.action) }
        let held = try Inbox.list(store: store).filter { $0.id > (previous?.heldID ?? 0) }
        let conflicts = current.conflicts.map(\.description)
        let named = Set(previous?.conflicts ?? [])
        let newConflicts = conflicts.filter { !named.contains($0) }
        guard !facts.isEmpty || !held.isEmpty || !newConflicts.isEmpty else { return nil }
        var moves: [String] = []
        if !newConflicts.isEmpty, current.draft != nil {
            let proposal = try pipeline.preview(SolveSchedule(mode: .keepingDraft, timeLimit: solveTimeLimit, seed: 1))
            moves = proposal.diff.lines(current.text)
        }
        let next = DigestCursor(auditID: log.last?.id ?? previous?.auditID ?? 0,
                                heldID: max(held.map(\.id).max() ?? 0, previous?.heldID ?? 0), conflicts: conflicts)
        return OrganizerDigest(event: current.event.id, facts: facts, held: held, newConflicts: newConflicts, moves: moves,
                               previous: previous, next: next)
    }

    /// Records this digest as reported; false when another digest of the same changes was recorded first.
    public func markReported(store: Store, at now: Instant) throws -> Bool {
        try store.advanceDigest(from: previous, to: next, at: now)
    }

    /// Queues the digest as a mail to `address` (the event's organizer when nil) and records it as
    /// reported, in one transaction; the delivery worker sends it. Nil when another digest of the same
    /// changes was recorded first, so it is mailed once.
    public func queue(store: Store, to address: String?, at now: Instant) throws -> OutboxMessage? {
        guard let event = try store.event() else { throw AppError.noEvent }
        let m = try InvitationComposer(event: event).composeDigest(text, to: address, at: now)
        let message = OutboxMessage(
            messageID: m.messageID, person: "", session: "", uid: "", sequence: 0, kind: .digest, room: "",
            start: now, required: nil, recipient: m.to.address, subject: m.subject, bytes: try m.render(),
            queuedAt: now, version: nil)
        return try store.queueDigest(message, from: previous, to: next, at: now) ? message : nil
    }

    /// The digest as plain text.
    public var text: String {
        var out = ""
        if !facts.isEmpty {
            out += "What changed (\(facts.count)):\n"
            for f in facts { out += "- \(f.at.iso8601) \(f.action) by \(f.actor ?? f.command): \(f.detail)\n" }
        }
        if !held.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Waiting in `convene inbox` (\(held.count)):\n"
            for h in held {
                out += "- #\(h.id) from \(h.sender ?? "no sender"): \(h.reason)\(h.proposal.map { "; \($0)" } ?? "")\n"
            }
        }
        if !newConflicts.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "New conflicts (\(newConflicts.count)):\n"
            for c in newConflicts { out += "- \(c)\n" }
            out += "\n" + (moves.isEmpty ? "`convene reschedule` would move nothing.\n"
                : "`convene reschedule` would move:\n" + moves.map { "- \($0)\n" }.joined())
        }
        return out
    }
}
