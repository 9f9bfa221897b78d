import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneSolver
import ConveneStore

/// `convene reschedule`: repair the current schedule, moving as few sessions as it can.
struct Reschedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-solve with the current schedule as the one to keep, pins held, so the fewest sessions move.",
        discussion: """
            Prints which sessions move, from where to where, and who is affected, before saving a new \
            version. --dry-run saves nothing. Refuses a result that adds a conflict unless --force is given.
            """)

    @Option(help: ArgumentHelp("Seconds to search.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @Flag(help: "Show the change and save nothing.")
    var dryRun = false

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() async throws {
        try await failing {
            let store = try database.open()
            let current = try store.currentState()
            let instance = current.event.instance(busy: firmBusy(current.busy), previous: current.version.assignments)
            let result = Solver.solve(instance, options: SolveOptions(timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed),
                                      clock: ContinuousClock())
            let score = RuleBook.validate(current.event.instance(busy: firmBusy(current.busy)), result.solution).score
            let change = current.propose(result.solution.assignments, unscheduled: result.solution.unscheduled, score: score)
            let text = current.text
            print("\(change.diff.summary(text)) (searched \(seconds(result.stats.totalTime)) s)")
            for line in change.diff.lines(text) { print("  \(line)") }
            for c in change.resolved { print("resolved conflict: \(c)") }
            for c in change.conflicts { print("remaining conflict: \(c)") }
            if dryRun {
                try change.check(force: true)
                print("dry run: nothing saved")
                return
            }
            let now = Instant.now()
            let version = try store.commit(change, force: options.force, at: now, command: "reschedule", reason: options.reason, text: text,
                                           mail: try Invitations(store: store).queueing(at: now))
            for c in change.added { print("accepted conflict: \(c)") }
            print("saved schedule version \(version.number)" + (options.reason.map { ": \($0)" } ?? ""))
        }
    }
}
