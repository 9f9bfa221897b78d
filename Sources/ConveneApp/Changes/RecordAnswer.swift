public import ConveneCore
import Foundation

/// Records one person's answer about one session given without an iTIP reply: in words to the
/// organizer (`convene rsvp set`) or by the person on their own page.
///
/// It answers the session as published (its SEQUENCE, room and time), so, like a reply, it holds
/// for that room and time only; it takes the same path as `RecordReplies` and is a fact, recorded
/// whatever conflicts it brings (a required participant's decline is one).
public struct RecordAnswer: Change {
    /// Who gave the answer.
    public enum Channel: String, Sendable {
        /// The organizer recorded an answer given in words (mail, phone).
        case organizer
        /// The person gave it on their own page.
        case page
    }

    /// Longest comment kept, in characters.
    public static let maximumCommentLength = 1_000

    /// The person who answered.
    public var person: String
    /// The session answered.
    public var session: String
    /// What they said.
    public var answer: RSVPAnswer.Answer
    /// What they wrote with it; nil or empty for nothing.
    public var comment: String?
    /// How the answer reached Convene.
    public var channel: Channel
    /// When it was given: the answer's reply time.
    public var at: Instant

    /// An answer as given; a comment with control characters or longer than `maximumCommentLength` is refused.
    public init(person: String, session: String, answer: RSVPAnswer.Answer, comment: String?, channel: Channel, at: Instant) throws {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment {
            guard comment.count <= Self.maximumCommentLength else {
                throw AppError("comment: at most \(Self.maximumCommentLength) characters (got \(comment.count))")
            }
            guard !comment.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                throw AppError("comment: control characters are not allowed")
            }
        }
        self.person = person
        self.session = session
        self.answer = answer
        self.comment = comment?.isEmpty == false ? comment : nil
        self.channel = channel
        self.at = at
    }

    public var command: String { channel == .page ? "page" : "rsvp set" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        guard current.event.stakeholders.contains(where: { $0.id == person }) else {
            throw AppError("no stakeholder '\(person)' in \(current.event.id)")
        }
        guard let published = try PublishedSchedule.load(from: context.store),
              let entry = published.publication.entry(for: session) else {
            throw AppError("session '\(session)' is not in the published schedule (run `convene publish` first)")
        }
        guard !entry.isCancelled else { throw AppError("session '\(session)' is cancelled: there is nothing to answer") }
        guard entry.session.required.contains(person) || entry.session.optional.contains(person) else {
            throw AppError("\(person) does not take part in \(session)")
        }
        let given = RSVPAnswer(person: person, session: session, sequence: entry.sequence, answer: answer, repliedAt: at,
                               source: channel == .page ? "page" : "in words", comment: comment, room: entry.room,
                               start: entry.interval.start)
        let placement = Assignment(session: session, room: entry.room, start: entry.interval.start)
        let inForce = AnswerBook(current.answers).inForce(person: person, session: session, at: placement)
        let by = channel == .page ? "by the person, on their page" : "in words, recorded by the organizer"
        var note = "\(person) \(answer.rawValue) \(session) (SEQUENCE \(entry.sequence)) for \(current.text.place(placement)), \(by)"
        if let comment { note += ": \"\(comment)\"" }
        // Saying again what is on record (a page sent twice) records nothing.
        let same = inForce.map { ($0.answer, $0.comment) == (answer, comment) } ?? false
        var change = ProposedChange(recording: same ? [] : [given], notes: [note], command: command, current: current)
        change.unchanged = "no change: \(person) already \(answer.rawValue) \(session) with the same comment"
        return change
    }
}
