/// Exchanges the rooms and starts of two scheduled sessions.
public struct SwapSessions: Change {
    /// The two sessions' ids.
    public var first: String
    /// The session it trades places with.
    public var second: String

    /// A swap of two sessions' places.
    public init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }

    public var command: String { "swap" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        _ = try current.requireDraft()
        var edit = current.edit
        try edit.swap(first, second)
        var change = current.propose(edit.assignments, command: command)
        change.unchanged = "no change: \(current.text.session(first)) and \(current.text.session(second)) are in the same room at the same time"
        return change
    }
}
