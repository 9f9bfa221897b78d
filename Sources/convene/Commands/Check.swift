import ArgumentParser
import ConvenePlan

/// `convene check PLAN`: validate a plan file and report every problem at once.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan file and report every error as FILE:LINE:COLUMN.",
        discussion: """
            Reads the people's calendars too, as `import` does: what they hold that cannot be used is \
            printed as a warning; a calendar that cannot be read at all is an error. Exits 0 and prints \
            a one-line summary when the plan is valid, 1 when it has errors.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    func run() async throws {
        try await failing {
            let loaded = try Plan.load(path: plan)
            _ = try Availability.read(for: loaded)
            print("OK \(loaded.summary)")
        }
    }
}
