import ArgumentParser
import ConveneApp

/// `convene swap SESSION SESSION`: exchange two sessions' rooms and starts.
struct Swap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exchange the rooms and starts of two scheduled sessions, as a new draft version.",
        discussion: "Refuses a swap that adds a conflict, naming it; --force accepts it and records the conflict.")

    @Argument(help: "The first session's id.")
    var first: String

    @Argument(help: "The second session's id.")
    var second: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing { try options.apply(SwapSessions(first, second), database) }
    }
}
