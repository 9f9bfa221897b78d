import ArgumentParser
import ConveneCore
import ConveneStore

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
            let store = try database.open()
            var current = try store.currentState()
            var edit = current.edit
            if let room, let start {
                guard let at = current.text.instant(start) else {
                    throw ValidationError("--at '\(start)' is not a time like 2027-02-22 10:30")
                }
                try edit.move(session, room: room, start: at)
            }
            let place = try edit.placement(of: session)
            let pin = PinChange.pin(session: session, room: place.room, start: place.start)
            // The new pin replaces any earlier one, so judge the change with it in force.
            current.event = current.event.applying(pins: [session: Session.Pin(room: place.room, start: place.start)])
            var change = current.propose(edit.assignments)
            // The old place broke the new pin only because the pin is judged in force already.
            change.resolved.removeAll { $0.kind == .pinMoved && $0.sessions == [session] }
            if change.diff.isEmpty {
                try store.saveChange(basedOn: current.version.number, assignments: nil, pin: pin, at: .now(), command: "pin",
                                     reason: options.reason, detail: "pinned \(session) to \(current.text.place(place))")
            } else {
                try saveEdit(change, current, store, force: options.force, pin: pin, command: "pin", reason: options.reason)
            }
            print("pinned \(current.text.session(session)) to \(current.text.place(place))")
        }
    }
}

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
            let store = try database.open()
            let version = try store.currentSchedule()?.number
            try store.saveChange(basedOn: version, assignments: nil, pin: .unpin(session: session), at: .now(), command: "unpin",
                                 reason: reason, detail: "unpinned \(session)")
            print("unpinned \(session)")
        }
    }
}
