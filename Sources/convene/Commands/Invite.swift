import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation

/// `convene invite`: queue the mail the current schedule requires and deliver the outbox.
struct Invite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue invitations, updates and cancellations for the current schedule, then deliver them.",
        discussion: """
            Each person gets one message per session and SEQUENCE: an invitation, an update when the time, \
            room or status changes, a cancellation when the session or their part in it is removed. \
            Messages are queued in the database before delivery and marked sent only once accepted, \
            so running the command again sends nothing twice. SMTP passwords come from $CONVENE_SMTP_PASSWORD.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("file:DIR writes one .eml per message; smtp://HOST:PORT or smtps://HOST:PORT delivers by SMTP.",
                               valueName: "transport"))
    var transport: String

    @Option(help: ArgumentHelp("The sender address (default: the plan's organizer).", valueName: "address"))
    var from: String?

    @Flag(help: "Require STARTTLS on smtp:// connections.")
    var starttls = false

    @Option(help: ArgumentHelp("SMTP user name for AUTH.", valueName: "name"))
    var user: String?

    @Flag(help: "Show what would be queued and sent; change nothing.")
    var dryRun = false

    @Flag(help: "Queue what the schedule requires, deliver nothing (a later run delivers).")
    var queueOnly = false

    func validate() throws {
        guard transport.hasPrefix("file:") && transport.count > 5 || transport.hasPrefix("smtp://") || transport.hasPrefix("smtps://") else {
            throw ValidationError("--transport must be file:DIR, smtp://HOST:PORT or smtps://HOST:PORT, not '\(transport)'")
        }
        if starttls && !transport.hasPrefix("smtp://") { throw ValidationError("--starttls applies to smtp:// only") }
        if dryRun && queueOnly { throw ValidationError("give either --dry-run or --queue-only, not both") }
    }

    func run() async throws {
        try await failing {
            let store = try database.open()
            guard let event = try store.event() else {
                throw MailError("\(store.path): no event imported yet (run `convene import PLAN`)")
            }
            let sender = try MailAddress(name: event.organizer.name, address: from ?? event.organizer.email, context: "--from")
            let invitations = Invitations(store: store, from: sender)
            if dryRun {
                let pending = try invitations.pending(at: .now())
                for m in pending { print("would queue \(m.kind) \(m.session) SEQUENCE \(m.sequence) to \(m.recipient)") }
                let due = try store.dueMessages(at: .now())
                print("\(pending.count) to queue, \(due.count) already queued and due; nothing changed")
                return
            }
            let queued = try invitations.queue(at: .now())
            if queueOnly {
                print("queued \(queued.count)")
                return
            }
            let delivery = Delivery(store: store, transport: try makeTransport(), sender: sender.address,
                                    now: { .now() }, sleep: { Thread.sleep(forTimeInterval: Double($0.components.seconds)) })
            let report = try delivery.run()
            print("queued \(queued.count), sent \(report.sent), deferred \(report.deferred), failed \(report.failed)")
            for e in report.errors { printError(e) }
            if !report.errors.isEmpty { throw ExitCode.failure }
        }
    }

    func makeTransport() throws -> any Transport {
        if transport.hasPrefix("file:") { return try FileTransport(directory: String(transport.dropFirst(5))) }
        let password = ProcessInfo.processInfo.environment["CONVENE_SMTP_PASSWORD"]
        return try SMTPTransport(options: .init(url: transport, startTLS: starttls, username: user, password: password))
    }
}
