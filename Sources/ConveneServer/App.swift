import Foundation
import NIOCore
import NIOPosix
package import Hummingbird
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
        if settings.runTasksOnEventLoops {
            // Handlers then run on the threads that did the I/O: no hop to Swift's pool and back per request.
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        try await application(onListening: onListening).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The application, for callers that run it themselves (tests cancel the task that runs it).
    package func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let links = LinkHolder(settings.links ?? FeedLinks.local(host: settings.host, port: settings.port))
        let cache = FeedCache(source: source, recheck: settings.recheck, logger: logger)
        let responder = FeedResponder(cache: cache, agenda: AgendaPage(holder: links), logRequests: settings.logRequests)
        let fixedLinks = settings.links != nil
        let host = settings.host
        let logger = logger
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(settings.host, port: settings.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                if !fixedLinks { links.set(FeedLinks.local(host: host, port: port)) }
                logger.info("agenda at \(links.links.web("/")), public feeds under \(links.links.web("/feeds/"))")
                await onListening(port)
            },
            logger: logger)
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
