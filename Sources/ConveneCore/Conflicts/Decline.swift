/// A person's answer "no" to a session's invitation.
public struct Decline: Sendable, Hashable, Codable {
    public var session: String
    public var person: String

    public init(session: String, person: String) {
        self.session = session
        self.person = person
    }
}
