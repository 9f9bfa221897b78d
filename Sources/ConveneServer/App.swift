import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
package import ServiceLifecycle
package import Logging

/// The feed server: public feeds, private feeds by token and the agenda page, straight from the
/// current schedule, each body rendered once per database change and then served from memory.
public struct FeedServer: Sendable {
    let source: any FeedSource
    let settings: ServerSettings
    let logger: Logger

    package init(source: any FeedSource, settings: ServerSettings, logger: Logger? = nil) {
        self.source = source
        self.settings = settings
        self.logger = logger ?? Self.standardLogger()
    }

    /// Serves until SIGINT or SIGTERM, then closes open connections and returns.
    /// `onListening` gets the port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [try service(onListening: onListening)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The HTTP/1.1 server as a service, for callers that run it themselves (tests cancel its task).
    ///
    /// SwiftNIO's HTTP/1 codec with `HTTPConnectionHandler` answering on the event loop: no router,
    /// request context or task per request, since every answer comes from memory.
    package func service(onListening: @escaping @Sendable (Int) async -> Void) throws -> any Service {
        let links = LinkHolder(settings.links ?? FeedLinks.local(host: settings.host, port: settings.port))
        let cache = FeedCache(source: source, recheck: settings.recheck, logger: logger)
        let responder = FeedResponder(cache: cache, agenda: AgendaPage(holder: links), logger: logger,
                                      logRequests: settings.logRequests)
        return Listener(settings: settings, responder: responder, links: links, logger: logger, onListening: onListening)
    }

    /// Logs to standard error, as every `convene` command reports.
    static func standardLogger() -> Logger {
        var logger = Logger(label: "convene.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        return logger
    }
}

/// The listening socket and its connections, for as long as the service runs.
struct Listener: Service {
    let settings: ServerSettings
    let responder: FeedResponder
    let links: LinkHolder
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    func run() async throws {
        let dates = ResponseDate()
        let connections = ConnectionLimit(maximum: settings.maximumConnections)
        let requestTimeout = TimeAmount(settings.requestTimeout)
        let idleTimeout = TimeAmount(settings.idleTimeout)
        let responder = responder
        let logger = logger
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                // At the cap the longest-open connection makes way: its descriptor is back within a loop turn.
                if let displaced = connections.admit(channel) {
                    displaced.channel.close(promise: nil)
                    // Once, then every thousandth: a flood must not flood the log too.
                    if displaced.total % 1_000 == 1 {
                        logger.warning("connection limit reached: closed the longest-open connection",
                                       metadata: ["limit": "\(connections.maximum)", "closed so far": "\(displaced.total)"])
                    }
                }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ConnectionDeadline(requestTimeout: requestTimeout, idleTimeout: idleTimeout))
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(HTTPConnectionHandler(responder: responder, dates: dates))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: settings.host, port: settings.port).get()
        } catch {
            throw ServerError.cannotListen(host: settings.host, port: settings.port, error)
        }
        let port = channel.localAddress?.port ?? settings.port
        if settings.links == nil { links.set(FeedLinks.local(host: settings.host, port: port)) }
        logger.info("agenda at \(links.links.web("/")), public feeds under \(links.links.web("/feeds/"))")
        await onListening(port)
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await channel.closeFuture.get()
            } onGracefulShutdown: {
                channel.close(promise: nil)
            }
        } onCancel: {
            channel.close(promise: nil)
        }
        connections.closeAll()
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
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
