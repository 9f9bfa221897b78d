import ArgumentParser
import Foundation

/// The `convene` command: plan, schedule and publish a multi-stakeholder forum.
@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Plan, schedule and publish multi-stakeholder forums, symposia and seminars.",
        discussion: """
            The data flows one way: plan (YAML) + stakeholders' calendars (.ics) → compile → \
            instance → solve → draft schedule (SQLite) → publish → feeds (.ics), invitations (mail), agenda.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Compile.self, Import.self, Status.self, AgendaCommand.self,
            Busy.self, Solve.self, Validate.self, Export.self, ProgrammeCommand.self, ImportSchedule.self,
            Schedule.self, Explain.self, Conflicts.self, Move.self, Swap.self, Unschedule.self, Pin.self, Unpin.self,
            Reschedule.self, Diff.self, History.self, Undo.self,
            Publish.self, Invite.self, Rsvp.self, InboxCommand.self, Serve.self, Feeds.self, AvailabilityCommand.self,
            Pages.self, Ask.self, Calendars.self, DigestCommand.self, Migrate.self,
        ]
    )

    /// Runs a command line; usage errors exit 2, bad input and output that cannot be written 1.
    static func main() async {
        StandardStreams.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
