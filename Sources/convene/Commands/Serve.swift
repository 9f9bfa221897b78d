import ArgumentParser
import ConveneServer
import Foundation

/// `convene serve`: the public agenda, the public feeds and each stakeholder's private feed over HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the agenda page and the calendar feeds of the published schedule.",
        discussion: """
            Every event in the database is served under /events/ID/: its programme at /events/ID/, its public \
            feeds under /events/ID/feeds/ (event.ics, rooms/ID.ics, tracks/ID.ics, groups/GROUP.ics), its frab \
            schedule at /events/ID/schedule.xml and .json; these are the addresses to hand out. While the database \
            holds one event, /, /agenda, /feeds/… and /schedule.xml and .json redirect (308) to them; with \
            several, / lists the events and those answer 404. \
            A person's private feed at /private/TOKEN.ics (see `convene feeds list`) and own page at /p/TOKEN \
            (see `convene pages list`) cover every event they are in. \
            Changes made by other convene commands are served without a restart. On a PostgreSQL database \
            several servers may run side by side: each serves a publish made anywhere as it commits, and their \
            delivery workers share the outbox, each message claimed by one of them. Stops on SIGINT or SIGTERM. \
            With --config FILE it runs as a service: the settings come from the file (see README, \
            "Running the service"), mail queued by `publish` and `ask` is delivered within seconds, and \
            /healthz and /metrics report on it.
            """)

    @Option(help: ArgumentHelp("Run as a service with the settings in this YAML file (instead of the other options).",
                               valueName: "file"))
    var config: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The public address the agenda's links use (default: http://HOST:PORT).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("log-requests"), help: "Log every request.")
    var logRequests = false

    @Flag(name: .customLong("allow-private-addresses"), help: ArgumentHelp(
        "Let people's pages save calendar addresses on loopback, link-local and private addresses."))
    var allowPrivateAddresses = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if config != nil, host != "127.0.0.1" || port != 8080 || baseURL != nil || logRequests || allowPrivateAddresses
            || database.explicitPath != nil || database.event != nil {
            throw ValidationError("--config takes every setting from the file: give no other option with it")
        }
        if database.event != nil {
            throw ValidationError("serve serves every event in the database, each under /events/ID/: give no --event")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let baseURL {
            do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        }
    }

    func run() async throws {
        try await failing {
            if let config {
                let settings = try ServiceConfig(file: config)
                var database = database
                database.explicitPath = settings.database ?? database.explicitPath
                try await ConveneService(config: settings, store: try database.openWhole()).run()
                return
            }
            var settings = ServerSettings(host: host, port: port, links: try baseURL.map(FeedLinks.init(baseURL:)),
                                          logRequests: logRequests)
            settings.allowPrivateAddresses = allowPrivateAddresses
            try await FeedServer(store: try database.openWhole(), settings: settings).run()
        }
    }
}
