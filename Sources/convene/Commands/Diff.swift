import ArgumentParser
import ConveneCore
import ConveneStore

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
            let store = try database.openForReading()
            guard let event = try store.event() else { throw StoreError("no event imported yet (run `convene import PLAN`)") }
            guard let latest = try store.currentSchedule()?.number else { throw StoreError("no schedule yet (run `convene schedule`)") }
            let later = to ?? latest
            let earlier = from ?? (later - 1)
            func version(_ n: Int) throws -> ScheduleVersion {
                guard let v = try store.schedule(version: n) else {
                    throw ValidationError("no schedule version \(n); versions are 1 to \(latest)")
                }
                return v
            }
            let a = try version(earlier), b = try version(later)
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
