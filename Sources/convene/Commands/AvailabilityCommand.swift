import ArgumentParser
import ConveneApp
import ConveneCore

/// `convene availability`: who has said when they can come, and how many required people can come when.
struct AvailabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "availability",
        abstract: "Show who has given their availability and when, who has not, and when required people can come.",
        discussion: """
            Each person's unavailable times (the plan's, their calendars' and what they marked on their page), \
            "if need be" times and live calendar (the address as scheme and host only), then per day a grid of how many required people can come in each slot. \
            With --json prints {"people": [{"id", "name", "answered", "answeredAt", "anyTime", "note", \
            "unavailable": [[from, to]], "ifNeedBe": [[from, to]], "required", "calendar": {"address", "fetched", \
            "busy", "error"}}], "requiredPeople", \
            "days": [{"date", "slots": [{"start", "end", "available", "ifNeedBe"}]}]}.
            """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let current = try ChangePipeline(store: try database.open()).current()
            let report = AvailabilityReport(current)
            if json {
                try writeOutput(try JSONFormat.encode(report), to: nil)
            } else {
                for line in report.lines(current.text) { print(line) }
            }
        }
    }
}
