import ConveneCore
import Foundation

/// The `Date` header every response carries, formatted once a second rather than per request.
final class ResponseDate: @unchecked Sendable {
    private let lock = NSLock()
    private var second: Int64 = .min
    private var text = ""

    /// The current time as an HTTP date.
    var now: String {
        let current = Int64(Date().timeIntervalSince1970)
        lock.lock()
        defer { lock.unlock() }
        if current != second {
            second = current
            text = HTTPDate.format(Instant(secondsSinceEpoch: current))
        }
        return text
    }
}
