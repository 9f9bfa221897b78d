import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneMail
import Foundation

/// `convene invite`: deliver the mail `convene publish` queued.
struct Invite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deliver the invitations, updates and cancellations that `convene publish` queued, and `convene ask`'s requests.",
        discussion: """
            Messages are queued by `convene publish` (never for a draft) and marked sent only once the \
            server accepted them, so running the command again sends nothing twice; a message that a later \
            publish superseded is never sent. SMTP passwords come from $CONVENE_SMTP_PASSWORD.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("file:DIR writes one .eml per message; smtp://HOST:PORT or smtps://HOST:PORT delivers by SMTP.",
                               valueName: "transport"))
    var transport: String

    @Option(help: ArgumentHelp("The envelope sender (default: the plan's organizer).", valueName: "address"))
    var from: String?

    @Flag(help: "Require STARTTLS on smtp:// connections.")
    var starttls = false

    @Option(help: ArgumentHelp("SMTP user name for AUTH.", valueName: "name"))
    var user: String?

    @Flag(help: "Show what would be sent; send nothing.")
    var dryRun = false

    func validate() throws {
        guard transport.hasPrefix("file:") && transport.count > 5 || transport.hasPrefix("smtp://") || transport.hasPrefix("smtps://") else {
            throw ValidationError("--transport must be file:DIR, smtp://HOST:PORT or smtps://HOST:PORT, not '\(transport)'")
        }
        if starttls && !transport.hasPrefix("smtp://") { throw ValidationError("--starttls applies to smtp:// only") }
    }

    func run() async throws {
        try await failing {
            let stored = try StoredEvent(store: try database.open())
            let event = stored.event
            let sender = try MailAddress(name: event.organizer.name, address: from ?? event.organizer.email, context: "--from")
            if dryRun {
                let due = try stored.dueMessages(at: .now())
                for m in due {
                    print("would send \(m.kind.rawValue) " + (m.session.isEmpty ? "" : "\(m.session) SEQUENCE \(m.sequence) ") + "to \(m.recipient)")
                }
                print("\(due.count) due; nothing sent")
                return
            }
            let delivery = Delivery(store: stored.store, transport: try makeTransport(), sender: sender.address,
                                    now: { .now() }, sleep: { Thread.sleep(forTimeInterval: Double($0.components.seconds)) })
            let report = try delivery.run()
            if let busy = report.busy {
                // Not an error: the other sender delivers the same queue.
                print("another sender is delivering from this database (\(busy.holder), lease until \(busy.expiresAt.iso8601)); nothing sent")
                return
            }
            print("sent \(report.sent), deferred \(report.deferred), failed \(report.failed)")
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
