import ConveneApp
package import ConveneStore
import Foundation
package import ServiceLifecycle
package import Logging

/// The feed server: every event's public feeds and agenda page, people's private feeds by token, straight
/// from what is published, each body rendered once per database change and then served from memory.
public struct FeedServer: Sendable {
    /// The whole store: every event in it is served.
    let store: Store
    let settings: ServerSettings
    let logger: Logger
    /// Whether people's own pages are served (they read and record answers in `store`).
    let pages: Bool
    /// Health and metrics of the service this server is part of; nil serves neither.
    let operations: Operations?

    /// A server for every event in `store`; `pages: false` serves no people's pages (a bare feed server).
    package init(store: Store, settings: ServerSettings, logger: Logger? = nil, pages: Bool = true,
                 operations: Operations? = nil) {
        self.store = store
        self.settings = settings
        self.logger = logger ?? Self.standardLogger()
        self.pages = pages
        self.operations = operations
    }

    /// Serves until SIGINT or SIGTERM, then closes open connections and returns.
    /// `onListening` gets the port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: try services(onListening: onListening), gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The HTTP/1.1 server as a service, for callers that run it themselves (tests cancel its task).
    ///
    /// SwiftNIO's HTTP/1 codec with `HTTPConnectionHandler` answering on the event loop: no router,
    /// request context or task per request, since every answer comes from memory.
    package func service(onListening: @escaping @Sendable (Int) async -> Void) throws -> any Service {
        try service(shelf: EventShelf(store: store, recheck: settings.recheck, logger: logger), onListening: onListening)
    }

    /// The HTTP server and, where the database tells of publishes (PostgreSQL), the listener that has
    /// it serve a publish made elsewhere at once: the services to run, in the order they start.
    package func services(onListening: @escaping @Sendable (Int) async -> Void) throws -> [any Service] {
        let shelf = EventShelf(store: store, recheck: settings.recheck, logger: logger)
        let http = try service(shelf: shelf, onListening: onListening)
        let notices = PublishNotices(store: store)
        return notices.areAnnounced ? [http, PublishListener(notices: notices, shelf: shelf, logger: logger)] : [http]
    }

    private func service(shelf: EventShelf, onListening: @escaping @Sendable (Int) async -> Void) throws -> any Service {
        let links = LinkHolder(settings.links ?? FeedLinks.local(host: settings.host, port: settings.port))
        let responder = FeedResponder(shelf: shelf, agenda: AgendaPage(holder: links),
                                      pages: pages ? PageSite(store: store, holder: links, allowPrivateAddresses: settings.allowPrivateAddresses) : nil, logger: logger,
                                      logRequests: settings.logRequests, operations: operations)
        return Listener(settings: settings, responder: responder, links: links, logger: logger, onListening: onListening)
    }

    /// Logs to standard error, as every `convene` command reports.
    static func standardLogger() -> Logger {
        var logger = Logger(label: "convene.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }
}

/// The links the agenda shows, settled once the port is known.
final class LinkHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var value: FeedLinks

    init(_ value: FeedLinks) { self.value = value }

    var links: FeedLinks {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ links: FeedLinks) {
        lock.lock()
        value = links
        lock.unlock()
    }
}
