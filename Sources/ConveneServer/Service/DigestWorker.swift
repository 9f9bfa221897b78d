import ConveneApp
import ConveneCore
import ConveneStore
import Foundation
import Logging
import ServiceLifecycle

/// Every `digest.every` seconds, queues the organizer's digest of what changed (nothing when nothing
/// did); the delivery worker sends it. Recording and queueing are one transaction, so a restart
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

    /// Queues the digest if anything changed; the message queued, else nil.
    func tick(at stamp: Instant) throws -> OutboxMessage? {
        guard let digest = try OrganizerDigest.pending(store: store) else { return nil }
        return try digest.queue(store: store, to: to, at: stamp)
    }

    private func pass() async {
        let worker = self
        let stamp = DeliveryWorker.current()
        do {
            if let m = try await offThread({ try worker.tick(at: stamp) }) {
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
