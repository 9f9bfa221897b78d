public import ConveneCore
public import ConveneStore

/// One reply held for the organizer, as `convene inbox` lists it.
public struct InboxEntry: Sendable, Codable, Hashable {
    /// The number `convene inbox record` and `dismiss` take.
    public var id: Int64
    /// The file it was read from.
    public var file: String
    /// The message's From address.
    public var sender: String?
    /// The message's Subject.
    public var subject: String?
    /// The message's Date header, as written.
    public var date: String?
    /// The first lines of its text.
    public var excerpt: String?
    /// The address the reply speaks for, when it names one.
    public var attendee: String?
    /// The person of the plan with that address (or, for a reply in words, the sender's), when there is one.
    public var person: String?
    /// That person's sessions, by id.
    public var sessions: [String]
    /// Why it is held.
    public var reason: String
}

/// Replies held for the organizer: listed, recorded as confirmed, or dismissed.
public enum Inbox {
    /// The replies still held, oldest first, with the sessions of the person each names.
    public static func list(store: Store) throws -> [InboxEntry] {
        let event = try CurrentSchedule.load(from: store)?.plan
        return try store.heldReplies().compactMap { h in
            guard let id = h.id else { return nil }
            // A reply in words names no attendee: its sender is the person who wrote it.
            let person = (h.attendee ?? h.sender).flatMap { address in event?.stakeholders.first { $0.email.lowercased() == address.lowercased() } }
            let sessions = person.map { p in (event?.sessions ?? []).filter { $0.required.contains(p.id) || $0.optional.contains(p.id) }.map(\.id) }
            return InboxEntry(id: id, file: h.file, sender: h.sender, subject: h.subject, date: h.sentAt, excerpt: h.excerpt,
                              attendee: h.attendee, person: person?.id, sessions: sessions ?? [], reason: h.reason)
        }
    }

    /// Records a held iTIP reply as confirmed by the organizer, through the change pipeline.
    @discardableResult
    public static func record(_ id: Int64, store: Store, at now: Instant) throws -> ChangeOutcome {
        guard let held = try store.heldReplies().first(where: { $0.id == id }) else {
            throw AppError("no reply \(id) is held (see `convene inbox`)")
        }
        return try ChangePipeline(store: store).apply(try RecordReplies(held: held), force: false, reason: nil, at: now)
    }

    /// Dismisses a held reply: it is no longer listed; the audit log says so.
    public static func dismiss(_ id: Int64, store: Store, at now: Instant) throws {
        try store.dismissHeldReply(id, at: now)
    }
}
