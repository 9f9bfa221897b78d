import ConveneCore
import ConveneSolver
import Foundation

/// Solves the stored plan (its people's firm busy times and the admin pins held) as a new draft:
/// from scratch (`convene schedule`, keeping the plan's `previously:` times where it can), or keeping
/// the draft so the fewest sessions move (`convene reschedule`).
public struct SolveSchedule: Change {
    /// Where the search starts.
    public enum Mode: Sendable {
        /// Ignore the draft.
        case fromScratch
        /// Moving a session away from its place in the draft costs score.
        case keepingDraft
    }

    /// From scratch, or keeping the draft.
    public var mode: Mode
    /// How long the search runs.
    public var timeLimit: Duration
    /// The search's seed: the same seed and time give the same kind of result.
    public var seed: UInt64

    /// A solve of the stored plan.
    public init(mode: Mode, timeLimit: Duration, seed: UInt64) {
        self.mode = mode
        self.timeLimit = timeLimit
        self.seed = seed
    }

    public var command: String { mode == .fromScratch ? "schedule" : "reschedule" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        // From scratch still keeps what the plan records as `previously:` (e.g. an imported schedule) where it can.
        let previous = mode == .keepingDraft ? try current.requireDraft().assignments : current.event.previousSchedule
        let finder = current.finder
        let instance = mode == .fromScratch ? finder.instance : current.instance(previous: previous)
        // A decline in force is a hard rule here as in `conflicts`: the same plan facts judge both.
        let result = Solver.solve(instance, plan: finder.planFacts, options: SolveOptions(timeLimit: timeLimit, seed: seed),
                                  clock: ContinuousClock(), words: Wording(event: current.event, busy: current.periods))
        // The search's bound; a repair's soft part is scored against the plan's `previously:`, not the draft
        // its search started from, so there only the unscheduled part of the bound holds.
        var change = current.propose(result.solution.assignments, unscheduled: result.solution.unscheduled, command: command, finder: finder,
                                     lowerBound: mode == .fromScratch ? result.stats.lowerBound
                                         : Score(unscheduled: result.stats.lowerBound.unscheduled, soft: 0))
        let ms = result.stats.totalTime.components.seconds * 1000 + result.stats.totalTime.components.attoseconds / 1_000_000_000_000_000
        change.notes = ["solved in \(String(format: "%.2f", Double(ms) / 1000)) s"]
        change.unchanged = "no change: the solver placed every session where the draft has it"
        return change
    }
}
