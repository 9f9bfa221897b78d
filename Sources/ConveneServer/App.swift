import Foundation
import NIOCore
import NIOPosix
package import Hummingbird
import HummingbirdCore
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
    /// HummingbirdCore's HTTP/1.1 server with `FeedChannelHandler` answering on the event loop:
    /// no router, request context or task per request, since every answer comes from memory.
    package func service(onListening: @escaping @Sendable (Int) async -> Void) throws -> any Service {
        let links = LinkHolder(settings.links ?? FeedLinks.local(host: settings.host, port: settings.port))
        let cache = FeedCache(source: source, recheck: settings.recheck, logger: logger)
        let responder = FeedResponder(cache: cache, agenda: AgendaPage(holder: links), logger: logger,
                                      logRequests: settings.logRequests)
        let dates = ResponseDate()
        let fixedLinks = settings.links != nil
        let host = settings.host
        let logger = logger
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [FeedChannelHandler(responder: responder, dates: dates)])
        return try HTTPServerBuilder.http1(configuration: configuration).buildServer(
            configuration: .init(address: .hostname(settings.host, port: settings.port)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger,
            responder: { request, writer, _ in
                // Only reached if FeedChannelHandler is not in the pipeline; it answers everything.
                var answer = responder.respond(to: request.head)
                answer.headers[.date] = dates.now
                let body = request.method == .head ? nil : answer.body
                try await writer.write(response: HTTPResponse(status: answer.status, headerFields: answer.headers),
                                       body: body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
            },
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                if !fixedLinks { links.set(FeedLinks.local(host: host, port: port)) }
                logger.info("agenda at \(links.links.web("/")), public feeds under \(links.links.web("/feeds/"))")
                await onListening(port)
            })
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
