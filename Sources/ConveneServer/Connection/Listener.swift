import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

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
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: false)
                    try pipeline.addHandler(ProtocolErrorAnswer())
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
        logger.info("serving at \(links.links.web("/")): each event under \(links.links.web("/events/"))ID/ (the top-level addresses redirect there while the database holds one)")
        // The address to hand out: the only event's programme, or the index of several.
        if let ids = try? responder.shelf.eventIDs(), !ids.isEmpty {
            logger.info(ids.count == 1 ? "programme: \(links.links.web("/events/\(ids[0])/"))"
                                       : "index of \(ids.count) events: \(links.links.web("/"))")
        }
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
