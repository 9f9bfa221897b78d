public import ConveneCore
import ConveneICal
import ConveneMail
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
    /// For a COUNTER, the time proposed in words in the event's zone, beside the time the attendee was sent.
    public var proposal: String?
}

/// Replies held for the organizer: listed, recorded as confirmed, or dismissed.
public enum Inbox {
    /// The replies still held, oldest first, with the sessions of the person each names.
    public static func list(store: Store) throws -> [InboxEntry] {
        let event = try CurrentSchedule.load(from: store)?.plan
        let sent = try store.outbox(includingBytes: false).filter { $0.kind != .cancel }
        return try store.heldReplies().compactMap { h in
            guard let id = h.id else { return nil }
            // A reply in words names no attendee: its sender is the person who wrote it.
            let person = (h.attendee ?? h.sender).flatMap { address in event?.stakeholders.first { $0.email.lowercased() == address.lowercased() } }
            let sessions = person.map { p in (event?.sessions ?? []).filter { $0.required.contains(p.id) || $0.optional.contains(p.id) }.map(\.id) }
            return InboxEntry(id: id, file: h.file, sender: h.sender, subject: h.subject, date: h.sentAt, excerpt: h.excerpt,
                              attendee: h.attendee, person: person?.id, sessions: sessions ?? [], reason: h.reason,
                              proposal: event.flatMap { counterProposal(h, person: person?.id, event: $0, sent: sent) })
        }
    }

    /// What a held COUNTER proposes, e.g. `"Opening Plenary" (s-open): proposes 2027-02-22 10:30–11:30
    /// instead of 2027-02-22 09:30–10:30 (Asia/Tokyo)`; the time it replaces is the one last sent to the person.
    static func counterProposal(_ held: HeldReply, person: String?, event: Event, sent: [OutboxMessage]) -> String? {
        guard ReplyMessage.isCounter(held.calendar), let calendar = held.calendar else { return nil }
        let text = ScheduleText(event: event)
        let counters: [ITIPCounter]
        do { counters = try ITIPCounter.read(calendar, file: held.file, floatingZone: event.timeZone) } catch let e as ICalError {
            return "the proposed time cannot be read: \(e.description(as: "unreadable"))"
        } catch { return "the proposed time cannot be read: \(error)" }
        return counters.map { c in
            let session = event.sessions.first { Publication.uid(event: event.id, session: $0.id) == c.uid }
            var words = session.map { text.session($0.id) + ": " } ?? "\(c.uid): "
            words += "proposes \(text.span(c.proposed))"
            if let session, let was = sent.last(where: { $0.session == session.id && (person == nil || $0.person == person) }) {
                words += " instead of \(text.span(Interval(start: was.start, end: was.start.adding(minutes: session.duration))))"
            }
            return words + " (\(event.timeZone))" + (c.comment.map { ": \"\($0)\"" } ?? "")
        }.joined(separator: "; ")
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
