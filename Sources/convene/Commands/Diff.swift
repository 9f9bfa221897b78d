import ArgumentParser
import ConveneApp
import ConveneCore

/// `convene diff [VERSION] [VERSION]`: what changed between two schedule versions.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which sessions moved between two schedule versions, from where to where, and who is affected.",
        discussion: "With no version: the previous against the current. With one: that version against the current.")

    @Argument(help: "The earlier version (default: the one before the later).")
    var from: Int?

    @Argument(help: "The later version (default: the current).")
    var to: Int?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let stored = try StoredEvent(store: try database.openForReading())
            let event = stored.event
            let later = try to ?? stored.draft().number
            let a = try stored.version(from ?? (later - 1)), b = try stored.version(later)
            let diff = ScheduleDiff(from: a.assignments, to: b.assignments, event: event)
            if json {
                try writeOutput(try JSONFormat.encode(diff), to: nil)
                return
            }
            let text = ScheduleText(event: event)
            print("version \(a.number) → \(b.number): \(diff.summary(text))")
            for line in diff.lines(text) { print("  \(line)") }
        }
    }
}
