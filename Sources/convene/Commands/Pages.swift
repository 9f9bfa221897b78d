import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneServer

/// `convene pages`: stakeholders' private page links, where they answer and give their availability.
struct Pages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, issue and revoke stakeholders' private page links.",
        subcommands: [List.self, Issue.self, Revoke.self])

    /// The server's public address, checked as `convene feeds` checks it.
    struct BaseURL: ParsableArguments {
        @Option(name: .customLong("base-url"), help: ArgumentHelp(
            "The server's public address, e.g. https://forum.example.org.", valueName: "url"))
        var baseURL = "http://127.0.0.1:8080"

        func validate() throws {
            do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        }

        /// The address without a trailing slash.
        var base: String { (try? FeedLinks(baseURL: baseURL).base) ?? baseURL }
    }

    /// `convene pages list`: every stakeholder's page link; links are issued to those without one.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List each stakeholder's page link as PERSON<TAB>URL, issuing links to those without one.",
            discussion: """
                Only a hash of each page token is stored, so a link is shown once, when it is issued; a \
                stakeholder whose link was issued earlier is listed with the date instead. To replace a lost \
                link, run `convene pages issue PERSON`. Page links are not feed links: a page can change answers.
                """)

        @OptionGroup var base: BaseURL

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let listing = try PageLinks(store: try database.open()).list(baseURL: base.base, at: Instant.now())
                if json {
                    try writeOutput(try JSONFormat.encode(listing), to: nil)
                    return
                }
                for link in listing {
                    print("\(link.person)\t" + (link.url ?? "(issued \(link.since.iso8601); shown then: "
                        + "`convene pages issue \(link.person)` replaces it)"))
                }
            }
        }
    }

    /// `convene pages issue PERSON`: a new page link, replacing the old one.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new page link for a stakeholder as PERSON<TAB>URL; their earlier link stops working.")

        @Argument(help: "The stakeholder's id.")
        var person: String

        @OptionGroup var base: BaseURL

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                let token = try PageLinks(store: try database.open()).issue(for: person, at: Instant.now())
                print("\(person)\t\(PageLinks.url(baseURL: base.base, token: token))")
            }
        }
    }

    /// `convene pages revoke PERSON`: the page answers 404 from now on.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a stakeholder's page link; a running server answers 404 for it at once.")

        @Argument(help: "The stakeholder's id.")
        var person: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                try PageLinks(store: try database.open()).revoke(person, at: Instant.now())
                print("revoked the page link of \(person)")
            }
        }
    }
}
