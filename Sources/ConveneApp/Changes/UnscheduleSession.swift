/// Takes a session off the schedule; once published, feeds show it cancelled and its people get a cancellation.
public struct UnscheduleSession: Change {
    /// The session's id.
    public var session: String
    /// Why, kept as the session's unscheduled reason.
    public var reason: String?

    /// Takes `session` off, giving `reason` as why.
    public init(session: String, reason: String? = nil) {
        self.session = session
        self.reason = reason
    }

    public var command: String { "unschedule" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        _ = try current.requireDraft()
        var edit = current.edit
        try edit.unschedule(session)
        return current.propose(edit.assignments, command: command,
                               unscheduledReason: "taken off the schedule by hand" + (reason.map { ": \($0)" } ?? ""))
    }
}
