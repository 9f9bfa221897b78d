import ConveneCore
public import ConveneICal
import ConveneMail
import ConveneStore
import Foundation

/// Records attendees' iTIP replies against the session whose UID each names, the SEQUENCE it
/// answers and the room and time that invitation gave, with the reply's COMMENT.
///
/// Answers are facts: recorded whatever conflicts they bring (a required participant's decline
/// is one), which are listed and kept in the audit log.
public struct RecordReplies: Change {
    /// The replies read, each with the file it came from.
    public var replies: [(file: String, reply: ITIPReply)]

    /// Reads every file first (`.ics`, or `.eml` with a text/calendar part): one bad file and nothing is recorded.
    public init(files: [String]) throws {
        replies = try files.flatMap { file in try ReplyFile.read(file).map { (file, $0) } }
    }

    public var command: String { "rsvp import" }

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
            notes.append(note + (known ? " (already recorded)" : ""))
            if !known { answers.append(answer) }
        }
        return ProposedChange(recording: answers, notes: notes, command: command, current: current)
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
