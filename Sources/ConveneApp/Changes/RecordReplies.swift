import ConveneCore
public import ConveneICal
public import ConveneMail
public import ConveneStore
import Foundation

/// Records attendees' iTIP replies against the session whose UID each names, the SEQUENCE it
/// answers and the room and time that invitation gave, with the reply's COMMENT.
///
/// Answers are facts: recorded whatever conflicts they bring (a required participant's decline
/// is one), which are listed and kept in the audit log. A message is believed only when its
/// From address is the attendee's own; any other message, and one written in words with no
/// iTIP part, is held for the organizer (`convene inbox`) instead.
public struct RecordReplies: Change {
    /// The replies read, each with the file it came from.
    public var replies: [(file: String, reply: ITIPReply)]
    /// Messages held for the organizer instead of recorded.
    public var held: [HeldReply] = []
    /// Files with no sender (a bare `.ics`): the organizer gave them, and the audit log says so.
    private var organizerFiles: Set<String> = []
    /// The held reply these answers come from, when the organizer records one from the inbox.
    private var settles: Int64?
    public let command: String

    /// Reads every file first (`.ics`, or `.eml`): one bad file and nothing is recorded.
    public init(files: [String]) throws {
        try self.init(messages: files.map { try ReplyMessage.read($0) }, command: "rsvp import")
    }

    /// Reads messages already in hand (from a mailbox): the same checks as files; one bad
    /// message and nothing is recorded. A COUNTER (a proposed new time) is held, never applied.
    public init(messages: [ReplyMessage], command: String) throws {
        self.command = command
        replies = []
        for message in messages {
            let file = message.file
            let hold = { (attendee: String?, reason: String) in
                HeldReply(file: file, sender: message.sender, subject: message.subject, sentAt: message.sentAt,
                          excerpt: message.excerpt, attendee: attendee, calendar: message.calendar, reason: reason)
            }
            if message.isCounter {
                held.append(hold(message.sender, "proposes a new time"))
                continue
            }
            let answers = try message.replies()
            guard message.isMessage else {
                organizerFiles.insert(file)
                replies += answers.map { (file, $0) }
                continue
            }
            if message.calendar == nil {
                held.append(hold(nil, "written in words"))
            } else if let sender = message.sender {
                if let other = answers.first(where: { $0.attendee.lowercased() != sender }) {
                    held.append(hold(other.attendee, "sent by \(sender), not by \(other.attendee) whose answer it gives"))
                } else {
                    replies += answers.map { (file, $0) }
                }
            } else {
                held.append(hold(answers.first?.attendee, "the message has no From address"))
            }
        }
    }

    /// Records a reply held in the inbox, as confirmed by the organizer.
    public init(held reply: HeldReply) throws {
        command = "inbox record"
        guard let id = reply.id else { throw AppError("the reply is not in the inbox") }
        guard !ReplyMessage.isCounter(reply.calendar) else {
            throw AppError("held reply \(id) proposes a new time: it is never applied; move the session yourself if you agree, then dismiss it")
        }
        guard let calendar = reply.calendar else {
            throw AppError("held reply \(id) is written in words: it has no answer to record; dismiss it once its answer is recorded")
        }
        replies = try ITIPReply.read(calendar, file: reply.file).map { (reply.file, $0) }
        settles = id
    }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        let event = current.plan
        var sessionsByUID: [String: String] = [:]
        for s in event.sessions + (try context.store.removedSessions().map(\.session)) {
            sessionsByUID[Publication.uid(event: event.id, session: s.id)] = s.id
        }
        let peopleByEmail = Dictionary(event.stakeholders.map { ($0.email.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        let sent = try context.store.outbox(includingBytes: false).filter { $0.kind != .cancel }
        var answers: [RSVPAnswer] = []
        var notes: [String] = []
        for (file, r) in replies {
            guard let session = sessionsByUID[r.uid] else { throw AppError("\(file): UID '\(r.uid)' is not a session of \(event.id)") }
            guard let person = peopleByEmail[r.attendee] else {
                throw AppError("\(file): ATTENDEE '\(r.attendee)' is not a person of \(event.id)")
            }
            // The invitation answered: the one with that SEQUENCE, delivered ones first.
            let asked = sent.filter { $0.person == person && $0.session == session && $0.sequence == r.sequence }
                .sorted { ($0.state == .sent ? 1 : 0) < ($1.state == .sent ? 1 : 0) }.last
            let source = (file as NSString).lastPathComponent
            let answer = RSVPAnswer(person: person, session: session, sequence: r.sequence, answer: r.answer, repliedAt: r.stamp,
                                    source: source, comment: r.comment, room: asked?.room, start: asked?.start)
            let known = (current.answers + answers).contains {
                ($0.person, $0.session, $0.sequence, $0.answer, $0.repliedAt) == (person, session, r.sequence, r.answer, r.stamp)
            }
            var note = "\(file): \(person) \(r.answer.rawValue) \(session) (SEQUENCE \(r.sequence))"
            if let asked { note += " for \(current.text.place(asked.assignment))" }
            if let comment = r.comment { note += ": \"\(comment)\"" }
            if organizerFiles.contains(file) { note += " (a file given by the organizer)" }
            if let settles { note += " (held reply \(settles), confirmed by the organizer)" }
            notes.append(note + (known ? " (already recorded)" : ""))
            if !known { answers.append(answer) }
        }
        var change = ProposedChange(recording: answers, notes: notes, command: command, current: current)
        change.held = try held.filter { try !context.store.knowsHeldReply($0) }
        change.settles = settles
        change.notes += change.held.map { "\($0.file): held for the organizer (\($0.reason)); see `convene inbox`" }
        return change
    }
}

extension ProposedChange {
    /// Answers to record as facts, whatever conflicts they bring: the one path every answer takes,
    /// whether read from an iTIP reply, given in words or given on the person's page.
    init(recording answers: [RSVPAnswer], notes: [String], command: String, current: CurrentSchedule) {
        self.init(command: command, basedOn: current.draft?.number)
        recordsFacts = true
        self.answers = answers
        self.notes = notes
        unchanged = "no change: every answer was recorded before"
        var after = current
        after.answers += answers
        judge(before: current.conflicts, after: after.conflicts)
    }
}

extension OutboxMessage {
    /// The room and start the message told of.
    var assignment: Assignment { Assignment(session: session, room: room, start: start) }
}
