import ArgumentParser
import ConveneApp

/// `convene unschedule SESSION`: take a session off the draft (once published, it shows as cancelled).
struct Unschedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a session off the schedule, as a new draft version; once published, feeds show it cancelled.")

    @Argument(help: "The session's id.")
    var session: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing { try options.apply(UnscheduleSession(session: session, reason: options.reason), database) }
    }
}
