import NIOConcurrencyHelpers
import NIOCore

/// Counts the server's open connections and keeps them within a cap, and closes them all at shutdown.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let open = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    init(maximum: Int) { self.maximum = maximum }

    /// Registers a new connection; false (and nothing registered) when the server is full.
    func admit(_ channel: any Channel) -> Bool {
        let admitted = open.withLockedValue { channels -> Bool in
            guard channels.count < maximum else { return false }
            channels[ObjectIdentifier(channel)] = channel
            return true
        }
        guard admitted else { return false }
        channel.closeFuture.whenComplete { [open] _ in
            _ = open.withLockedValue { $0.removeValue(forKey: ObjectIdentifier(channel)) }
        }
        return true
    }

    /// Connections open now.
    var count: Int { open.withLockedValue { $0.count } }

    /// Closes every open connection.
    func closeAll() {
        for channel in open.withLockedValue({ Array($0.values) }) { channel.close(promise: nil) }
    }
}
