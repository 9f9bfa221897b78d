/// One person's answer to one SEQUENCE of a session's invitation, and the room and time it answered.
public struct RSVPAnswer: Sendable, Hashable, Codable {
    /// What a person said: PARTSTAT in an iTIP REPLY.
    public enum Answer: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, declined, tentative
    }

    /// Who answered and about which session (ids).
    public var person: String
    public var session: String
    /// The SEQUENCE of the invitation answered.
    public var sequence: Int
    /// What they said.
    public var answer: Answer
    /// The reply's DTSTAMP, when it had one.
    public var repliedAt: Instant?
    /// Where the reply came from, e.g. the file name.
    public var source: String
    /// The reply's COMMENT, e.g. why the person declined.
    public var comment: String?
    /// The room and start of the invitation the answer replied to; nil when unknown.
    public var room: String?
    public var start: Instant?

    /// An answer as read from a reply.
    public init(person: String, session: String, sequence: Int, answer: Answer, repliedAt: Instant?, source: String,
                comment: String? = nil, room: String? = nil, start: Instant? = nil) {
        self.person = person
        self.session = session
        self.sequence = sequence
        self.answer = answer
        self.repliedAt = repliedAt
        self.source = source
        self.comment = comment
        self.room = room
        self.start = start
    }

    /// True when the answer was given for this placement: it holds for the room and time it
    /// answered, and again whenever the session is back there. An answer whose placement is
    /// unknown holds wherever the session is.
    public func holds(for placement: Assignment?) -> Bool {
        guard let placement else { return false }
        guard let room, let start else { return true }
        return placement.room == room && placement.start == start
    }
}
