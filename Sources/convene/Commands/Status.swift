import ArgumentParser
import ConveneApp
import ConveneCore

/// `convene status`: what the database holds, the draft against what is published.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the database holds: the event, the draft and the published schedule, mail and attendance.",
        discussion: """
            Says whether the draft has unpublished changes (what `convene publish` would change for \
            subscribers and how much mail it would queue). Attendance counts answers where the draft places \
            each session, and shows answers given for another time, in force again if the session goes back.
            """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let report = try StatusReport.load(from: try database.openForReading(), at: .now())
            if json {
                try writeOutput(try JSONFormat.encode(report), to: nil)
            } else {
                for line in report.lines(database: database.path) { print(line) }
            }
        }
    }
}
