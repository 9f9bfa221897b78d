import ArgumentParser
import ConveneApp

/// `convene unpin SESSION`: let the solver move a session again.
struct Unpin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove an admin pin, so rescheduling may move the session again.",
        discussion: "Refused, naming the conflict, if the plan's own pin for the session is then not held, unless --force.")

    @Argument(help: "The session's id.")
    var session: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing { try options.apply(UnpinSession(session: session), database) }
    }
}
