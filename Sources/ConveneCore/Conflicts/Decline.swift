/// A person's answer "no" to a session's invitation, and where the session was when they gave it.
///
/// An answer holds for the room and time it answered: the decline is in force while the session is
/// there and lapses when it moves. A decline whose room and time are unknown holds wherever the session is.
public struct Decline: Sendable, Hashable, Codable {
    public var session: String
    public var person: String
    /// The room and start the person declined; nil: wherever the session is.
    public var room: String?
    public var start: Instant?

    public init(session: String, person: String, room: String? = nil, start: Instant? = nil) {
        self.session = session
        self.person = person
        self.room = room
        self.start = start
    }
}
