import ArgumentParser
import ConveneApp
import ConveneCore
import Foundation

/// `convene conflicts`: every hard rule the draft breaks, now.
struct Conflicts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every hard rule the draft breaks, against the plan, calendars and answers as they are now.",
        discussion: """
            Checks rooms and people booked twice, required people unavailable (naming the calendar entry that \
            blocks them), rooms too small or lacking a feature or closed, sessions outside opening hours or \
            their allowed times, broken `after` order, admin pins not held, unmet composition rules and \
            required participants who declined (the room and time they answered for). Exits 0 when there are none, 1 when there are any.
            With --json prints {"event", "version", "count", "conflicts": [{"kind", "sessions", "people", \
            "rooms", "reason"}]} with ids in the lists and names in the reason.
            """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    /// The JSON form of the listing.
    struct Report: Encodable {
        var event: String
        var version: Int
        var count: Int
        var conflicts: [Conflict]
    }

    func run() async throws {
        try await failing {
            let current = try ChangePipeline(store: try database.openForReading()).current()
            let draft = try current.requireDraft()
            let found = current.conflicts
            if json {
                try writeOutput(try JSONFormat.encode(Report(event: current.event.id, version: draft.number,
                                                             count: found.count, conflicts: found)), to: nil)
            } else if found.isEmpty {
                print("schedule version \(draft.number): no conflicts")
            } else {
                print("schedule version \(draft.number): \(found.count) conflict\(found.count == 1 ? "" : "s")")
                for c in found { print("  \(c)") }
            }
            if !found.isEmpty { throw ExitCode.failure }
        }
    }
}
