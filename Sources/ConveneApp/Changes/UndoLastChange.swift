import ConveneCore

/// Goes back to the schedule before the latest change, as a new draft version (nothing is erased).
///
/// Undoing an undo's result steps further back: each undo remembers the version it brought back,
/// and the next one goes to the version before that. Versions that place every session as the
/// draft does are stepped over. It is checked like any other change: an undo that would bring
/// back a conflict is refused unless forced.
public struct UndoLastChange: Change {
    /// An undo of the latest change.
    public init() {}

    public var command: String { "undo" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        guard let current = context.current else { throw AppError.noEvent }
        guard let draft = current.draft else {
            throw AppError("there is no schedule to undo (run `convene schedule` first)")
        }
        let restores = try context.store.restoredVersions()
        let versions = try context.store.history()
        func resolved(_ n: Int) -> Int {
            var n = n
            while let r = restores[n] { n = r }
            return n
        }
        let undone = resolved(draft.number)
        var effective = undone
        var target: ScheduleVersion
        repeat {
            guard let earlier = versions.last(where: { $0.number < effective }) else {
                throw AppError("nothing to undo: version \(effective) is the first schedule")
            }
            target = earlier
            effective = resolved(earlier.number)
        } while Set(target.assignments) == Set(draft.assignments)
        let restored = resolved(target.number)
        var change = current.propose(target.assignments, unscheduled: target.unscheduled, command: command, restores: restored)
        change.notes = ["restores version \(restored) (undoes version \(undone))"]
        return change
    }
}
