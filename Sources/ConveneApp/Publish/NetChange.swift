import ConveneCore
import ConveneMail
import ConveneStore

/// The mail a publish requires: for each person and session, what they were last sent (or have
/// queued and not yet superseded) against what is now published.
///
/// - in it, at a room, time or role they were not told of: a REQUEST (an invitation, or an update
///   when they were last sent a REQUEST);
/// - no longer in it, or it no longer takes place, after a REQUEST: a CANCEL;
/// - what they were last told: nothing.
///
/// A queued message whose news changed again is superseded (never sent), and the new message is
/// worked out against what the person may have received (sent, or claimed by a delivery run that never
/// heard back: such a message is never superseded), so someone whose session went away and
/// came back before the mail went out gets nothing. SEQUENCE is the publication's (what feeds
/// show), raised above any SEQUENCE the person already has for the session when it must be.
struct NetChange {
    /// What a person knows of a session, from the last message about it.
    enum Known: Equatable {
        case absent
        /// `required` is nil for messages queued before roles were kept: it then matches either role.
        case attending(room: String, start: Instant, required: Bool?)

        init(_ m: OutboxMessage?) {
            guard let m, m.kind != .cancel else { self = .absent; return }
            self = .attending(room: m.room, start: m.start, required: m.required)
        }

        func matches(_ other: Known) -> Bool {
            switch (self, other) {
            case (.absent, .absent): return true
            case let (.attending(r1, s1, q1), .attending(r2, s2, q2)):
                return r1 == r2 && s1 == s2 && (q1 == nil || q2 == nil || q1 == q2)
            default: return false
            }
        }
    }

    /// The messages to compose and queue, in schedule order then person order.
    var notices: [Notice] = []
    /// Queued messages no longer wanted.
    var supersede: [OutboxMessage] = []

    /// The mail that `publication` (its plan seated as published: picked people take part) requires,
    /// given what the outbox holds.
    init(publication: Publication, outbox: [OutboxMessage], at now: Instant) {
        let event = publication.event
        var messages: [String: [String: [OutboxMessage]]] = [:]
        for m in outbox { messages[m.session, default: [:]][m.person, default: []].append(m) }
        for e in publication.entries {
            let id = e.session.id
            let session = event.session(id)
            let required = Set(session?.required ?? [])
            let participants = e.isCancelled ? [] : session.map { $0.required + $0.optional.filter { !required.contains($0) } } ?? []
            let told = messages[id] ?? [:]
            let others = told.keys.filter { !participants.contains($0) }
                .sorted { (told[$0]!.first!.queuedAt, $0) < (told[$1]!.first!.queuedAt, $1) }
            for person in participants + others {
                let sent = told[person] ?? []
                let desired: Known = participants.contains(person)
                    ? .attending(room: e.room, start: e.interval.start, required: required.contains(person)) : .absent
                guard !desired.matches(Known(sent.last { $0.state != .superseded })) else { continue }
                // A message handed to the mail server by a run that never heard back may be with the person:
                // it stays (a later run sends it again) and the news is worked out from it.
                supersede += sent.filter { $0.state == .queued && !$0.mayHaveBeenDelivered }
                let delivered = sent.last(where: \.mayHaveBeenDelivered)
                // People the plan gives no address (e.g. speakers of an imported schedule) get no mail.
                guard !desired.matches(Known(delivered)), !(event.stakeholder(person)?.email.isEmpty ?? true) else { continue }
                let sequence = sent.map(\.sequence).max().map { max(e.sequence, $0 + 1) } ?? e.sequence
                switch (desired, Known(delivered)) {
                case let (.attending(room, start, isRequired), before):
                    let update = before != .absent
                    notices.append(Notice(
                        kind: update ? .update : .invitation, person: person, session: id, uid: e.uid, sequence: sequence,
                        room: room, start: start, stamp: now, required: isRequired ?? false,
                        previousRoom: update ? delivered?.room : nil, previousStart: update ? delivered?.start : nil))
                case let (.absent, .attending(room, start, wasRequired)):
                    notices.append(Notice(
                        kind: .cancel, person: person, session: id, uid: e.uid, sequence: sequence, room: room, start: start,
                        stamp: now, required: wasRequired ?? required.contains(person),
                        sessionCancelled: e.isCancelled || session == nil))
                case (.absent, .absent):
                    break
                }
            }
        }
    }
}
