import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneStore

/// `convene rsvp`: record who is coming from their replies.
struct Rsvp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rsvp",
        abstract: "Record attendees' replies to invitations.",
        subcommands: [ImportReplies.self])

    /// `convene rsvp import FILE...`.
    struct ImportReplies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read iTIP REPLY messages (.ics, or .eml with a text/calendar part) and record each answer.",
            discussion: """
                An answer counts for the SEQUENCE it replies to: a reply to an older invitation is kept \
                but does not override the answer to a newer one. All files are read before anything is stored.
                """)

        @Argument(help: ArgumentHelp("Reply files (.ics or .eml).", valueName: "file"))
        var files: [String]

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one reply file") }
        }

        func run() async throws {
            try await failing {
                let store = try database.open()
                let report = try ReplyImport(store: store).run(files: files, at: .now())
                for line in report.lines { print(line) }
                print("\(report.files) file\(report.files == 1 ? "" : "s"), \(report.answers) answer\(report.answers == 1 ? "" : "s"), "
                    + "\(report.recorded) new")
                for d in try store.declines() { print("conflict: \(d.person) is required in \(d.session) and declined") }
            }
        }
    }
}
