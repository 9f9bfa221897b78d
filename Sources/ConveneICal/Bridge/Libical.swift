import Foundation

/// libical keeps global state (built-in zones, error number, ring buffers), so Convene lets one
/// thread at a time use it.
enum Libical {
    private static let lock = NSLock()

    /// Runs `body` while no other thread uses libical.
    static func serialized<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
