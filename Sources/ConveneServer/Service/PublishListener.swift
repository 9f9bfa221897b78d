import ConveneApp
import Logging
import ServiceLifecycle

/// On PostgreSQL, hears each publish made through the database (by this server, another one, or the
/// CLI) as it commits and has the shelf read the store again at once, rather than within `recheck`.
/// When the listening connection cannot be made or drops, it tries again after a second and, once
/// listening, refreshes: a publish made meanwhile was not heard.
struct PublishListener: Service {
    let notices: PublishNotices
    let shelf: EventShelf
    let logger: Logger
    /// How long to wait before listening again after the connection failed.
    var retry: Duration = .seconds(1)

    func run() async throws {
        guard notices.areAnnounced else { return }
        let shelf = shelf, logger = logger
        try? await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                do {
                    try await notices.listen(listening: {
                        logger.info("listening for publishes")
                        await Self.refresh(shelf)
                    }, heard: { release in
                        logger.info("publish heard: reading the store again", metadata: ["release": "\(release)"])
                        await Self.refresh(shelf)
                    })
                } catch {
                    // Said once per outage, not on every retry.
                    if !failing { logger.warning("not listening for publishes; retrying every second", metadata: ["error": "\(error)"]) }
                    failing = true
                    try await Task.sleep(for: retry)
                    continue
                }
                failing = false
            }
        }
    }

    /// The shelf's reads, on a thread of their own: the store's calls block.
    private static func refresh(_ shelf: EventShelf) async {
        _ = try? await offThread { shelf.refresh() }
    }
}
