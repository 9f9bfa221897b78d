import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneMail

/// `convene calendars`: people's live calendars, the secret addresses they gave on their pages.
struct Calendars: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List and refresh stakeholders' live calendars (the addresses they gave on their pages).",
        subcommands: [List.self, Refresh.self])

    /// `convene calendars list`: each live calendar, its address redacted, and how its last fetch went.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List each live calendar as PERSON<TAB>ADDRESS<TAB>STATE, the address shown as scheme and host only.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let current = try ChangePipeline(store: try database.openForReading()).current()
                let zone = ZoneRules(identifier: current.plan.timeZone) ?? ZoneRules(identifier: "UTC")!
                for (person, calendar) in current.live.sorted(by: { $0.key < $1.key }) {
                    let state = AvailabilityReport.Calendar(calendar, zone: zone)
                    print("\(person)\t\(state.address)\t" + state.line(current.text).dropFirst(state.address.count + 2))
                }
            }
        }
    }

    /// `convene calendars refresh [PERSON]`: fetch now, asking for the version stored.
    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch live calendars now and record busy times that changed.",
            discussion: """
                Asks each server for the version stored (If-None-Match, If-Modified-Since) and prints per \
                person: unchanged, changed N busy times, or failed: REASON. Changed busy times are recorded \
                as a fact, whatever conflicts they bring (listed after); a failed fetch keeps the busy times \
                of the last good one. Loopback, link-local and private addresses are refused unless \
                --allow-private-addresses is given.
                """)

        @Argument(help: "Only this person's calendar.")
        var person: String?

        @Flag(name: .customLong("allow-private-addresses"), help: "Fetch from loopback, link-local and private addresses too.")
        var allowPrivateAddresses = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let calendars = LiveCalendars(store: try database.open(),
                                              fetcher: CalendarFetcher(allowPrivateAddresses: allowPrivateAddresses))
                let results = try calendars.refresh(person: person, at: Instant.now())
                if results.isEmpty { print(person.map { "\($0) has no live calendar" } ?? "no live calendars") }
                for r in results {
                    for s in r.skipped { printError("warning: \(r.person): skipped \(s)") }
                    switch r.outcome {
                    case .unchanged: print("\(r.person): unchanged")
                    case .changed(let n): print("\(r.person): changed \(n) busy time\(n == 1 ? "" : "s")")
                    case .failed(let reason): print("\(r.person): failed: \(reason)")
                    }
                    for c in r.change?.proposal.added ?? [] { print("  brings conflict: \(c)") }
                }
            }
        }
    }
}
