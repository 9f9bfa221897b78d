import Foundation
import NIOConcurrencyHelpers

/// Runs blocking work (libcurl, SQLite) on a thread of its own, off Swift's few cooperative threads.
/// Cancelling the caller stops waiting for it: a shutdown past its grace period does not wait
/// for a mail server that does not answer; what the work stores is crash-safe by design.
func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    let slot = NIOLockedValueBox<CheckedContinuation<T, any Error>?>(nil)
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            slot.withLockedValue { $0 = continuation }
            Thread.detachNewThread {
                let result = Result { try body() }
                slot.withLockedValue { $0.take() }?.resume(with: result)
            }
        }
    } onCancel: {
        slot.withLockedValue { $0.take() }?.resume(throwing: CancellationError())
    }
}
