import ArgumentParser
import ConveneApp

/// `convene schedule`: solve the stored plan and save the result as a new draft version.
struct Schedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule the stored plan (with its people's firm busy times and admin pins) as a new draft version.",
        discussion: """
            Starts from scratch, or from the plan's `previously:` times (e.g. an imported schedule), which it keeps \
            where it can; to change a published schedule as little as possible use `convene reschedule`. \
            Nothing is sent or shown in feeds until `convene publish`.
            """)

    @Option(help: ArgumentHelp("Seconds to search.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() async throws {
        try await failing {
            let change = SolveSchedule(mode: .fromScratch, timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed)
            let pipeline = ChangePipeline(store: try database.open())
            let outcome = try pipeline.apply(change, force: options.force, reason: options.reason, at: .now())
            let text = try pipeline.current().text
            printOutcome(outcome, text)
            guard let version = outcome.saved?.version else { return }
            let placed = version.assignments.count, all = placed + version.unscheduled.count
            print("schedule version \(version.number): \(placed)/\(all) sessions placed" + (version.scoreText.map { ", \($0)" } ?? ""))
            for u in version.unscheduled { print("unscheduled \(text.session(u.session)): \(u.reason)") }
        }
    }
}
