import ArgumentParser

/// The `convene` command: plan, schedule and publish a multi-stakeholder forum.
@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Plan, schedule and publish multi-stakeholder forums, symposia and seminars.",
        discussion: """
            The data flows one way: plan (YAML) + stakeholders' calendars (.ics) → compile → \
            instance → solve → schedule (SQLite) → feeds (.ics), invitations (mail), agenda.
            """,
        version: "0.1.0",
        subcommands: [
            Busy.self,
            Export.self,
        ]
    )
}
