/// Lets the solver move a session again.
public struct UnpinSession: Change {
    /// The session's id.
    public var session: String

    /// An unpin of `session`.
    public init(session: String) { self.session = session }

    public var command: String { "unpin" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        guard current.pins[session] != nil else { throw AppError("session '\(session)' is not pinned by an admin") }
        var unpinned = current
        unpinned.pins[session] = nil
        unpinned.event = unpinned.plan.applying(pins: unpinned.pins)
        var change = ProposedChange(command: command, basedOn: current.draft?.number)
        change.pin = .unpin(session: session)
        change.notes = ["unpinned \(current.text.session(session))"]
        change.judge(before: current.conflicts, after: unpinned.conflicts)
        return change
    }
}
