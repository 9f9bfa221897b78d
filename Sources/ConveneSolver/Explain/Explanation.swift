public import ConveneCore

/// Where a session is in a schedule, or why it is not there, in words.
public struct Explanation: Sendable, Hashable {
    /// Whether and where the session is scheduled.
    public enum Status: Sendable, Hashable {
        case scheduled(room: String, start: Instant)
        case unscheduled
        /// The instance has no session with this id.
        case unknown
    }

    public var session: String
    public var status: Status
    /// One line: where it is, or the rules that keep it out.
    public var reason: String

    public init(session: String, status: Status, reason: String) {
        self.session = session
        self.status = status
        self.reason = reason
    }
}
