import ArgumentParser
import ConveneApp
import ConveneCore
import Foundation

/// `convene move SESSION --room ROOM --at TIME`: put a session somewhere else by hand.
struct Move: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a session to a start (and a room), as a new draft version.",
        discussion: """
            Refuses a move that adds a conflict, naming it; --force accepts it and records the conflict. \
            A move to where the session already is saves nothing.
            """)

    @Argument(help: "The session's id.")
    var session: String

    @Option(help: "The room's id (default: the room the session is in).")
    var room: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("The new start, in the event's time zone.", valueName: "YYYY-MM-DD HH:MM"))
    var start: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let at = try wallClock(start, option: "--at")
            try options.apply(MoveSession(session: session, room: room, start: at), database)
        }
    }
}

/// A wall-clock time as an admin types it, or an error naming the option.
func wallClock(_ text: String, option: String) throws -> LocalDateTime {
    guard let local = LocalDateTime.parse(text.trimmingCharacters(in: .whitespaces)) else {
        throw ValidationError("\(option) '\(text)' is not a time like 2027-02-22 10:30")
    }
    return local
}
