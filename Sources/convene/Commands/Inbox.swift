import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneMail
import Foundation

/// `convene inbox`: replies held for the organizer instead of recorded.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "List replies held for the organizer; record or dismiss them.",
        discussion: """
            `rsvp import` records a message's answer only when its From address is the attendee's own. \
            Any other message, and one written in words with no iTIP part, is held here: with its sender, \
            subject, date, first lines, the sessions of the person it names, and why it is held.
            """,
        subcommands: [List.self, Fetch.self, Record.self, Dismiss.self],
        defaultSubcommand: List.self)

    /// `convene inbox [list] [--json]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the replies held for the organizer.")

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let entries = try Inbox.list(store: try database.open())
                if json { return try writeOutput(try JSONFormat.encode(entries), to: nil) }
                if entries.isEmpty { return print("no reply is held") }
                for e in entries {
                    print("#\(e.id)  \(e.file)  held: \(e.reason)")
                    if let sender = e.sender { print("  from: \(sender)") }
                    if let subject = e.subject { print("  subject: \(subject)") }
                    if let date = e.date { print("  date: \(date)") }
                    if let attendee = e.attendee {
                        print("  for: \(attendee)" + (e.person.map { " (\($0): \(e.sessions.joined(separator: ", ")))" } ?? " (not a person of the plan)"))
                    } else if let person = e.person {
                        print("  sessions of \(person): \(e.sessions.joined(separator: ", "))")
                    }
                    if let proposal = e.proposal { print("  \(proposal)") }
                    for line in (e.excerpt ?? "").split(separator: "\n") { print("  | \(line)") }
                }
            }
        }
    }

    /// `convene inbox fetch --imap URL --user USER`: reads the organizer's mailbox once.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read new replies from the organizer's IMAP mailbox once.",
            discussion: """
                Each message not yet flagged $ConveneRead goes through the path of `rsvp import`: an iTIP \
                reply from its attendee is recorded, any other message is held here; a COUNTER (a new time \
                proposed) is held, never applied. A processed message is flagged $ConveneRead and \\Seen; one \
                that cannot be read is left unflagged and reported once. The password comes from \
                --password-file (a file only its owner can read) or $CONVENE_IMAP_PASSWORD. In a database of \
                several events, without --event each reply is recorded in the event its UID names; one naming \
                none of them is held for every event.
                """)

        @Option(help: ArgumentHelp("The folder to read.", valueName: "imap[s]://HOST:PORT/FOLDER"))
        var imap: String

        @Option(help: "The mailbox's user name.")
        var user: String

        @Option(help: "A file holding the password on its first line; refused when others can read it.")
        var passwordFile: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            do { _ = try MailboxAddress(imap) } catch let e as MailError { throw ValidationError("--imap: \(e.message)") }
        }

        func run() async throws {
            try await failing {
                let password: String
                if let passwordFile {
                    password = try SecretFile.read(passwordFile)
                } else if let env = ProcessInfo.processInfo.environment["CONVENE_IMAP_PASSWORD"], !env.isEmpty {
                    password = env
                } else {
                    throw ValidationError("give the password with --password-file FILE or $CONVENE_IMAP_PASSWORD")
                }
                // The organizer's mailbox serves every event: without --event each reply goes to the event its UID names.
                let store = database.event == nil ? try database.openWhole() : try database.open()
                let report = try Mailbox(store: store)
                    .readNew(from: try MailboxAddress(imap), credentials: MailboxCredentials(user: user, password: password), at: .now())
                if json { return try writeOutput(try JSONFormat.encode(report), to: nil) }
                if report.messages.isEmpty { return print("no new message in \(report.mailbox)") }
                for m in report.messages {
                    print("UID \(m.uid): \(m.outcome.rawValue)")
                    for line in m.detail { print("  \(line)") }
                }
                print("\(report.count(.recorded)) recorded, \(report.count(.held)) held, \(report.count(.unreadable)) unreadable")
            }
        }
    }

    /// `convene inbox record ID`.
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a held iTIP reply as confirmed by the organizer.",
            discussion: "The answer goes through the same checks as `rsvp import`; the audit log says the organizer confirmed it.")

        @Argument(help: "The number `convene inbox` shows.")
        var id: Int64

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let store = try database.open()
                let outcome = try Inbox.record(id, store: store, at: .now())
                printOutcome(outcome, try ChangePipeline(store: store).current().text)
            }
        }
    }

    /// `convene inbox dismiss ID`.
    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dismiss a held reply without recording it.")

        @Argument(help: "The number `convene inbox` shows.")
        var id: Int64

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                try Inbox.dismiss(id, store: try database.open(), at: .now())
                print("reply \(id) dismissed")
            }
        }
    }
}
