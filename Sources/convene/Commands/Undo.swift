import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneStore

/// `convene undo`: go back to the schedule before the latest change.
struct Undo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Return to the schedule before the latest change, as a new version (nothing is erased).",
        discussion: "Undo again to step further back. Feeds and invitations then follow the restored schedule.")

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let store = try database.open()
            guard let event = try store.event() else { throw StoreError("no event imported yet (run `convene import PLAN`)") }
            let before = try store.currentSchedule()
            let now = Instant.now()
            let result = try store.undo(at: now, reason: reason, mail: try Invitations(store: store).queueing(at: now))
            let text = ScheduleText(event: event)
            let diff = ScheduleDiff(from: before?.assignments ?? [], to: result.version.assignments, event: event)
            for line in diff.lines(text) { print(line) }
            print("saved schedule version \(result.version.number): restores version \(result.restored.number)")
        }
    }
}
