public import ConveneStore

/// A change to the draft, the pins, the plan or the answers, as an admin asks for it: a value
/// that works itself out against the current state and is then checked before anything is saved.
public protocol Change: Sendable {
    /// The command that asks for it, for the audit log, e.g. `move`.
    var command: String { get }
    /// Works the change out without saving anything; throws when it names what does not exist.
    func propose(_ context: ChangeContext) throws -> ProposedChange
}

/// What a change is worked out against: the current state, and the store for anything else it must read.
public struct ChangeContext: Sendable {
    /// The database the change is worked out against.
    public let store: Store
    /// Nil before the first import.
    public let current: CurrentSchedule?

    /// The current state; throws when no plan has been imported yet.
    public func requireCurrent() throws -> CurrentSchedule {
        guard let current else { throw AppError.noEvent }
        return current
    }
}
