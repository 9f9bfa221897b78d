import ArgumentParser
import ConveneApp

/// `convene pin SESSION`: keep a session where it is (or put it somewhere and keep it there).
struct Pin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pin a session where it is now, or move it to --room/--at and pin it there.",
        discussion: """
            A pinned session stays put when `convene reschedule` re-solves, and the pin survives later \
            imports of the plan. Pinning in place makes no new schedule version; pinning elsewhere does, \
            and is refused if it adds a conflict unless --force is given.
            """)

    @Argument(help: "The session's id.")
    var session: String

    @Option(help: "Move the session to this room first (with --at).")
    var room: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("Move the session to this start first (with --room).", valueName: "YYYY-MM-DD HH:MM"))
    var start: String?

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if (room == nil) != (start == nil) { throw ValidationError("give both --room and --at, or neither") }
    }

    func run() async throws {
        try await failing {
            let at = try start.map { try wallClock($0, option: "--at") }
            try options.apply(PinSession(session: session, room: room, start: at), database)
        }
    }
}
