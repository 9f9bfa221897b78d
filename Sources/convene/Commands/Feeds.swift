import ArgumentParser
import ConveneCore
import ConveneServer
import Foundation

/// `convene feeds`: stakeholders' private feed links.
struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, issue and revoke calendar feed links.",
        subcommands: [List.self, Issue.self, Revoke.self])

    /// `convene feeds list`: every feed's link; private links are issued to those without one.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the public feeds and each stakeholder's private feed link.",
            discussion: """
                Only a hash of each private token is stored, so a private link is shown once, when it is \
                issued: this command issues links to stakeholders who have none. To replace a lost link, \
                run `convene feeds issue PERSON`.
                """)

        @Option(name: .customLong("base-url"), help: ArgumentHelp(
            "The server's public address, e.g. https://forum.example.org.", valueName: "url"))
        var baseURL = "http://127.0.0.1:8080"

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        }

        func run() async throws {
            try await failing {
                let listing = try FeedSubscriptions(store: try database.open())
                    .list(links: try FeedLinks(baseURL: baseURL), at: Instant.now())
                if json {
                    try writeOutput(try JSONFormat.encode(listing), to: nil)
                    return
                }
                for feed in listing {
                    var who = feed.id.map { "\(feed.kind) \($0)" } ?? feed.kind
                    if feed.kind == "person" { who += " (\(feed.title))" }
                    if let web = feed.web, let webcal = feed.webcal {
                        print("\(who)\t\(feed.status)\t\(web)\t\(webcal)")
                    } else {
                        print("\(who)\t\(feed.status) since \(feed.since?.iso8601 ?? "?")\t"
                            + "(link shown when issued; `convene feeds issue \(feed.id ?? "")` replaces it)")
                    }
                }
            }
        }
    }

    /// `convene feeds issue PERSON`: a new private link, replacing the old one.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new private feed link for a stakeholder; their earlier link stops working.")

        @Argument(help: "The stakeholder's id.")
        var person: String

        @Option(name: .customLong("base-url"), help: ArgumentHelp("The server's public address.", valueName: "url"))
        var baseURL = "http://127.0.0.1:8080"

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        }

        func run() async throws {
            try await failing {
                let links = try FeedLinks(baseURL: baseURL)
                let token = try FeedSubscriptions(store: try database.open()).issue(for: person, at: Instant.now())
                let path = FeedLinks.privatePath(token)
                print("\(person)\t\(links.web(path))\t\(links.webcal(path))")
            }
        }
    }

    /// `convene feeds revoke PERSON`: the private link answers 404 from now on.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a stakeholder's private feed link; a running server answers 404 for it at once.")

        @Argument(help: "The stakeholder's id.")
        var person: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failing {
                try FeedSubscriptions(store: try database.open()).revoke(person, at: Instant.now())
                print("revoked the private feed link of \(person)")
            }
        }
    }
}
