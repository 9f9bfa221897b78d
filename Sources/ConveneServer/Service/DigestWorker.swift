import ConveneApp
import ConveneCore
import ConveneStore
import Foundation
import Logging
import ServiceLifecycle

/// Every `digest.every` seconds, queues for each event the organizer's digest of what changed in it
/// (nothing when nothing did); the delivery worker sends it. Recording and queueing are one transaction, so a restart
/// neither repeats nor skips a digest.
struct DigestWorker: Service {
    let store: Store
    let to: String
    let every: Duration
    let operations: Operations
    let logger: Logger

    func run() async throws {
        operations.set("digest", state: "running")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else { break }
            await pass()
        }
        operations.set("digest", state: "stopped")
    }

    /// Queues each event's digest if anything changed in it; the messages queued.
    func tick(at stamp: Instant) throws -> [OutboxMessage] {
        try StoredEvent.all(in: store).compactMap { stored in
            guard let digest = try OrganizerDigest.pending(store: stored.store) else { return nil }
            return try digest.queue(store: stored.store, to: to, at: stamp)
        }
    }

    private func pass() async {
        let worker = self
        let stamp = DeliveryWorker.current()
        do {
            for m in try await offThread({ try worker.tick(at: stamp) }) {
                logger.info("digest queued", metadata: ["message-id": "\(m.messageID)"])
            }
            operations.set("digest", state: "idle", lastRun: stamp.iso8601, lastError: .some(nil))
        } catch is CancellationError {
            return
        } catch let e as AppError where e == .noEvent {
            operations.set("digest", state: "idle", lastRun: stamp.iso8601, lastError: .some(e.message))
        } catch {
            logger.warning("digest cannot be queued", metadata: ["error": "\(error)"])
            operations.set("digest", state: "failing", lastRun: stamp.iso8601, lastError: .some("\(error)"))
        }
    }
}
