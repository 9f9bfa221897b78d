/// A session that was once in the plan and has since been taken out of it.
///
/// Kept so that feeds can go on showing it as cancelled and mail can say so.
public struct RemovedSession: Sendable, Hashable, Codable {
    public var session: Session
    public var removedAt: Instant

    public init(session: Session, removedAt: Instant) {
        self.session = session
        self.removedAt = removedAt
    }
}
