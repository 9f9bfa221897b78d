import ArgumentParser
import ConveneApp

/// `--force` and `--reason`, shared by every command that changes the draft.
struct EditOptions: ParsableArguments {
    @Flag(help: "Accept the change even if it adds conflicts.")
    var force = false

    @Option(help: "Why, for the audit log.")
    var reason: String?

    /// Checks a change, saves it (or refuses it) and prints what happened.
    func apply(_ change: some Change, _ database: DatabaseOptions) throws {
        let pipeline = ChangePipeline(store: try database.open())
        let outcome = try pipeline.apply(change, force: force, reason: reason, at: .now())
        printOutcome(outcome, try pipeline.current().text)
    }
}
