import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneSolver
import ConveneStore

/// `convene move SESSION --room ROOM --at TIME`: put a session somewhere else by hand.
struct Move: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a session to a room and start, as a new schedule version.",
        discussion: "Refuses a move that adds a conflict, naming it; --force accepts it and records the conflict.")

    @Argument(help: "The session's id.")
    var session: String

    @Option(help: "The room's id.")
    var room: String

    @Option(name: .customLong("at"), help: ArgumentHelp("The new start, in the event's time zone.", valueName: "YYYY-MM-DD HH:MM"))
    var start: String

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let store = try database.open()
            let current = try store.currentState()
            guard let at = current.text.instant(start) else {
                throw ValidationError("--at '\(start)' is not a time like 2027-02-22 10:30")
            }
            var edit = current.edit
            try edit.move(session, room: room, start: at)
            try saveEdit(current.propose(edit.assignments), current, store, force: options.force, command: "move", reason: options.reason)
        }
    }
}

/// Prints a checked change, saves it (or refuses it) and says which version it made.
func saveEdit(
    _ proposed: ProposedChange, _ current: CurrentSchedule, _ store: Store, force: Bool, pin: PinChange? = nil,
    command: String, reason: String?
) throws {
    var change = proposed
    let instance = current.event.instance(busy: firmBusy(current.busy))
    change.score = RuleBook.validate(
        instance, Solution(instance: instance.name, assignments: change.assignments, unscheduled: change.unscheduled)).score
    let text = current.text
    for line in change.diff.lines(text) { print(line) }
    let now = Instant.now()
    let version = try store.commit(change, force: force, pin: pin, at: now, command: command, reason: reason, text: text,
                                   mail: try Invitations(store: store).queueing(at: now))
    for c in change.added { print("accepted conflict: \(c)") }
    for c in change.resolved { print("resolved conflict: \(c)") }
    print("saved schedule version \(version.number)" + (reason.map { ": \($0)" } ?? ""))
}
