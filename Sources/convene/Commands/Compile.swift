import ArgumentParser
import ConveneApp
import ConveneCore
import ConvenePlan

/// `convene compile PLAN`: turn a plan into a convene-instance file (version 2 when the plan needs it).
struct Compile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a plan (and its people's calendars) into a scheduling instance (convene-instance/1 or /2 JSON).",
        discussion: """
            Version 2 when the plan uses what only version 2 can say: people's own hours, exclusive sessions, \
            room turnover, series, picks or people kept apart.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the instance (default: standard output).", valueName: "instance.json"))
    var output: String?

    func run() async throws {
        try await failing {
            let loaded = try Plan.load(path: plan)
            let busy = try Availability.read(for: loaded)
            for s in busy.skipped { printError("warning: skipped \(s.description)") }
            try writeOutput(try JSONFormat.encode(loaded.event.instance(busy: busy.hardIntervals, previous: loaded.event.previousSchedule)),
                            to: output)
        }
    }
}
