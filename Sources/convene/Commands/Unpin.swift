import ArgumentParser
import ConveneApp

/// `convene unpin SESSION`: let the solver move a session again.
struct Unpin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove an admin pin, so rescheduling may move the session again.")

    @Argument(help: "The session's id.")
    var session: String

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            try applyChange(UnpinSession(session: session), force: false, reason: reason, database)
        }
    }
}
