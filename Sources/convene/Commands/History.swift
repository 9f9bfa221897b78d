import ArgumentParser
import ConveneApp
import ConveneCore

/// `convene history`: the audit log, every step with its reason.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit log: every import, draft version, pin, undo and publish, with its reason.",
        discussion: "Times are in the event's zone, with their UTC offset; each step names who took it.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let history = try AuditHistory.load(from: try database.openForReading())
            if json {
                try writeOutput(try JSONFormat.encode(history.entries), to: nil)
                return
            }
            for line in history.lines() { print(line) }
        }
    }
}
