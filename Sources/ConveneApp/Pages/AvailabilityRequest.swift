public import ConveneCore
import ConveneMail
public import ConveneStore

/// Asks stakeholders for their availability (`convene ask`): one plain-text mail each, carrying a new
/// link to their page, queued in the outbox `convene invite` delivers from.
///
/// The new link is kept beside the person's earlier ones, so a link in an invitation still opens the
/// page after a request; only `pages issue` and `pages revoke` end links.
public struct AvailabilityRequest: Sendable {
    /// The database the people, answers and outbox live in.
    public let store: Store

    /// Requests over one database.
    public init(store: Store) { self.store = store }

    /// The people a request would go to: `people` (every stakeholder when empty, in the plan's order),
    /// with `remind` only those who have not answered. Throws naming an id that is not in the plan,
    /// and for a person without an address when they were named.
    public func recipients(people: [String] = [], remind: Bool) throws -> [Stakeholder] {
        guard let event = try store.event() else { throw AppError.noEvent }
        for id in people where event.stakeholder(id) == nil {
            throw AppError("no stakeholder '\(id)' in the plan; ask names stakeholders by id")
        }
        for id in people where event.stakeholder(id)?.email.isEmpty == true {
            throw AppError("stakeholder '\(id)' has no email address in the plan, so cannot be asked by mail")
        }
        let answered = remind ? Set(try store.availabilityAnswers().keys) : []
        let chosen = people.isEmpty ? event.stakeholders.filter { !$0.email.isEmpty } : people.compactMap(event.stakeholder)
        var seen = Set<String>()
        return chosen.filter { !answered.contains($0.id) && seen.insert($0.id).inserted }
    }

    /// Composes and queues one request to each recipient, with their new page link under `baseURL`,
    /// saving the links, the messages and an audit entry in one transaction; nothing is saved if any
    /// message cannot be composed. Returns the messages queued.
    @discardableResult
    public func queue(people: [String] = [], deadline: String? = nil, remind: Bool = false, baseURL: String,
                      at now: Instant) throws -> [OutboxMessage] {
        guard let event = try store.event() else { throw AppError.noEvent }
        let composer = try InvitationComposer(event: event)
        var tokens: [String: String] = [:]
        let messages = try recipients(people: people, remind: remind).map { person in
            let token = SecretToken.random()
            tokens[person.id] = token.hash
            let m = try composer.composeAsk(person: person.id, page: PageLinks.url(baseURL: baseURL, token: token),
                                            deadline: deadline, reminder: remind, at: now)
            return OutboxMessage(
                messageID: m.messageID, person: person.id, session: "", uid: "", sequence: 0, kind: .ask, room: "",
                start: now, required: nil, recipient: m.to.address, subject: m.subject, bytes: try m.render(),
                queuedAt: now, version: nil)
        }
        guard !messages.isEmpty else { return [] }
        let detail = (remind ? "reminder to " : "to ") + messages.map(\.person).joined(separator: ", ")
            + (deadline.map { ", answer by \($0)" } ?? "")
        try store.queueRequests(messages, pageTokens: tokens, command: "ask", detail: detail, at: now)
        return messages
    }
}
