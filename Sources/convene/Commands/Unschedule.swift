import ArgumentParser
import ConveneCore
import ConveneStore

/// `convene unschedule SESSION`: take a session off the schedule (it shows as cancelled).
struct Unschedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a session off the schedule, as a new schedule version; feeds then show it cancelled.")

    @Argument(help: "The session's id.")
    var session: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let store = try database.open()
            let current = try store.currentState()
            var edit = current.edit
            try edit.unschedule(session)
            let why = "taken off the schedule by hand" + (options.reason.map { ": \($0)" } ?? "")
            try saveEdit(current.propose(edit.assignments, unscheduledReason: why), current, store, force: options.force,
                         command: "unschedule", reason: options.reason)
        }
    }
}
