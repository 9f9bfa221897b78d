import ArgumentParser
import ConveneApp
import ConveneCore

/// `convene rsvp`: record who is coming from their replies.
struct Rsvp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rsvp",
        abstract: "Record attendees' replies to invitations.",
        subcommands: [ImportReplies.self, SetAnswer.self])

    /// `convene rsvp import FILE...`.
    struct ImportReplies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read iTIP REPLY messages (.ics, or .eml with a text/calendar part) and record each answer.",
            discussion: """
                An answer holds for the room and time of the invitation it replies to (its SEQUENCE): it \
                lapses while the session is elsewhere and is in force again when the session is back there. \
                The reply's COMMENT is kept and shown by `convene status`. All files are read before anything \
                is stored; a required participant's decline is listed as a conflict. A message whose From \
                address is not the attendee's, or with no text/calendar part, is held: see `convene inbox`.
                """)

        @Argument(help: ArgumentHelp("Reply files (.ics or .eml).", valueName: "file"))
        var files: [String]

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one reply file") }
        }

        func run() async throws {
            try await failing {
                let change = try RecordReplies(files: files)
                let pipeline = ChangePipeline(store: try database.open())
                let outcome = try pipeline.apply(change, force: false, reason: nil, at: .now())
                printOutcome(outcome, try pipeline.current().text)
                let n = change.replies.count, files = Set(change.replies.map(\.file) + change.held.map(\.file)).count
                let held = outcome.saved?.held ?? 0
                print("\(files) file\(files == 1 ? "" : "s"), \(n) answer\(n == 1 ? "" : "s"), \(outcome.saved?.answers ?? 0) new"
                    + (held > 0 ? ", \(held) held for the organizer (see `convene inbox`)" : ""))
            }
        }
    }

    /// `convene rsvp set PERSON SESSION accept|decline|maybe [--comment TEXT]`.
    struct SetAnswer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record an answer a person gave in words (by mail or phone) about a published session.",
            discussion: """
                The answer is stored as an iTIP reply would be: for the room and time the session is published \
                at, shown by `convene status`; a required participant's decline is listed as a conflict.
                """)

        /// The words the command takes, and the PARTSTAT each means.
        enum Word: String, ExpressibleByArgument, CaseIterable {
            case accept, decline, maybe

            var answer: RSVPAnswer.Answer {
                switch self {
                case .accept: .accepted
                case .decline: .declined
                case .maybe: .tentative
                }
            }
        }

        @Argument(help: "The stakeholder's id.")
        var person: String

        @Argument(help: "The session's id.")
        var session: String

        @Argument(help: ArgumentHelp("What they said.", valueName: "accept|decline|maybe"))
        var answer: Word

        @Option(help: "What they said with it, e.g. why they decline.")
        var comment: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let change = try RecordAnswer(person: person, session: session, answer: answer.answer, comment: comment,
                                              channel: .organizer, at: .now())
                let pipeline = ChangePipeline(store: try database.open())
                let outcome = try pipeline.record(change, at: .now())
                printOutcome(outcome, try pipeline.current().text)
            }
        }
    }
}
