import ArgumentParser
import ConveneCore
import ConveneStore

/// `convene swap SESSION SESSION`: exchange two sessions' rooms and starts.
struct Swap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exchange the rooms and starts of two scheduled sessions, as a new schedule version.",
        discussion: "Refuses a swap that adds a conflict, naming it; --force accepts it and records the conflict.")

    @Argument(help: "The first session's id.")
    var first: String

    @Argument(help: "The second session's id.")
    var second: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let store = try database.open()
            let current = try store.currentState()
            var edit = current.edit
            try edit.swap(first, second)
            try saveEdit(current.propose(edit.assignments), current, store, force: options.force, command: "swap", reason: options.reason)
        }
    }
}
