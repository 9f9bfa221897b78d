import ArgumentParser
import ConveneApp

/// `convene reschedule`: repair the draft, moving as few sessions as it can.
struct Reschedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-solve with the draft as the one to keep, pins held, so the fewest sessions move.",
        discussion: """
            Prints which sessions move, from where to where, and who is affected, before saving a new \
            draft version. --dry-run saves nothing. Refuses a result that adds a conflict unless --force is given.
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
            let change = SolveSchedule(mode: .keepingDraft, timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed)
            guard dryRun else { return try options.apply(change, database) }
            let pipeline = ChangePipeline(store: try database.openForReading())
            printChange(try pipeline.preview(change), try pipeline.current().text)
            print("dry run: nothing saved")
        }
    }
}
