import ArgumentParser

/// `--force` and `--reason`, shared by every command that changes the schedule by hand.
struct EditOptions: ParsableArguments {
    @Flag(help: "Accept the change even if it adds conflicts.")
    var force = false

    @Option(help: "Why, for the audit log.")
    var reason: String?
}
