import ArgumentParser
import ConveneApp
import ConveneCore
import Foundation

/// `convene digest [--dry-run] [--json]`: what the organizer has not been told yet.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print what changed since the last digest: facts, held replies, new conflicts, what reschedule would move.",
        discussion: """
            Lists the answers, availability saves and calendar changes recorded since the last digest (as the \
            audit log words them), the replies held in `convene inbox` since then (a COUNTER with its proposed \
            time), the draft's conflicts the last digest did not name (as `convene conflicts` words them) and \
            what `reschedule --dry-run` would move. Prints nothing and exits 0 when nothing changed. Without \
            --dry-run the digest is queued as a mail to the organizer (or --to) for the delivery \
            worker (`convene send` or `convene serve`) and recorded as given, so the next one starts after it.
            """)

    @Flag(help: "Print the digest and record nothing.")
    var dryRun = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Mail the digest to this address instead of the event's organizer.", valueName: "address"))
    var to: String?

    @Option(help: "Seconds the reschedule proposal may search.")
    var timeLimit: Double = 2

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() async throws {
        try await failing {
            let store = try dryRun ? database.openForReading() : database.open()
            guard let digest = try OrganizerDigest.pending(store: store, solveTimeLimit: .milliseconds(Int64(timeLimit * 1000))) else {
                if json { try writeOutput(Data("null\n".utf8), to: nil) } else { print("nothing changed since the last digest") }
                return
            }
            if json { try writeOutput(try JSONFormat.encode(digest), to: nil) } else { print(digest.text, terminator: "") }
            if !dryRun {
                if let m = try digest.queue(store: store, to: to, at: .now()) {
                    if !json { print("queued the digest to \(m.recipient)") }
                } else {
                    print("another digest of these changes was recorded meanwhile")
                }
            }
        }
    }
}
