import ArgumentParser
import ConveneApp
import ConvenePlan

/// `convene check PLAN`: validate a plan file and report every problem at once.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan file and report every error as FILE:LINE:COLUMN.",
        discussion: """
            Besides the plan's shape, proves what it can before any solve: every session fits some room \
            at some start (naming the rule that stops one that does not), pins break no rule, calendar \
            files are there and are iCalendar. The calendars are then read as `import` reads them: what \
            they hold that cannot be used is a warning with its file and line, and a calendar that cannot \
            be read at all is an error. Warnings (rooms no session can use, feature names that look \
            mistyped, full-width digits read as ASCII) do not fail the check. \
            Exits 0 and prints a one-line summary when the plan is valid, 1 when it has errors.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    func run() async throws {
        try await failing {
            let checked = try PlanCheck.run(path: plan)
            let loaded = checked.plan
            for w in loaded.warnings { printError(w.description) }
            for skipped in checked.availability.skipped { printError("warning: skipped \(skipped.description)") }
            let n = loaded.warnings.count
            print("OK \(loaded.summary)" + (n > 0 ? " (\(n) warning\(n == 1 ? "" : "s"))" : ""))
        }
    }
}
