import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneServer

/// `convene ask`: mail stakeholders a request for their availability, with their page link.
struct Ask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue a mail asking stakeholders for their availability, each with their own page link.",
        discussion: """
            Each person gets a plain-text mail in their language with a new link to their page, where they mark \
            times Available, If need be or Unavailable; links mailed earlier keep working. The mail is queued; \
            `convene invite` sends it, once. `convene availability` shows who has answered.
            """)

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these stakeholders (default: everyone with an address).",
                                                          valueName: "id"))
    var people: [String] = []

    @Option(help: ArgumentHelp("The date to answer by, shown in the mail.", valueName: "yyyy-mm-dd"))
    var deadline: String?

    @Flag(help: "Ask again only those who have not answered yet.")
    var remind = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The server's public address, under which the page links are made.", valueName: "url"))
    var baseURL: String

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        if let deadline, !Self.isDate(deadline) {
            throw ValidationError("--deadline must be a date as YYYY-MM-DD, not '\(deadline)'")
        }
    }

    /// True for a calendar date written YYYY-MM-DD (2026-02-30 is not one).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else { return false }
        let date = LocalDate(year: y, month: m, day: d)
        return LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date
    }

    func run() async throws {
        try await failing {
            let queued = try AvailabilityRequest(store: try database.open())
                .queue(people: people, deadline: deadline, remind: remind, baseURL: try FeedLinks(baseURL: baseURL).base, at: .now())
            for m in queued { print("\(m.person)\t\(m.recipient)") }
            let n = queued.count
            print(n == 0 ? (remind ? "everyone asked has answered; nothing queued" : "nobody to ask; nothing queued")
                : "queued \(n) request\(n == 1 ? "" : "s") for availability (send them with `convene invite`)")
        }
    }
}
