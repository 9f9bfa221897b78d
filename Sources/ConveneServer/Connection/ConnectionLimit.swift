import NIOConcurrencyHelpers
import NIOCore

/// Keeps the server's open connections within a cap, and closes them all at shutdown.
///
/// At the cap, a new connection is let in and the longest-open one is closed: clients holding
/// connections without finishing a request (slowloris) or sitting idle are the ones that go, while
/// a client that connects and asks at once is served.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private struct Open {
        var next = 0
        var displaced = 0
        var channels: [ObjectIdentifier: (order: Int, channel: any Channel)] = [:]
    }
    private let open = NIOLockedValueBox(Open())

    init(maximum: Int) { self.maximum = max(1, maximum) }

    /// Registers a new connection; returns the connection it displaces, if the server was full, and
    /// how many have been displaced so far.
    func admit(_ channel: any Channel) -> (channel: any Channel, total: Int)? {
        let evicted = open.withLockedValue { state -> (channel: any Channel, total: Int)? in
            var oldest: (key: ObjectIdentifier, order: Int, channel: any Channel)?
            if state.channels.count >= maximum {
                for (key, value) in state.channels where oldest == nil || value.order < oldest!.order {
                    oldest = (key, value.order, value.channel)
                }
                if let oldest {
                    state.channels[oldest.key] = nil
                    state.displaced += 1
                }
            }
            state.channels[ObjectIdentifier(channel)] = (state.next, channel)
            state.next += 1
            return oldest.map { ($0.channel, state.displaced) }
        }
        channel.closeFuture.whenComplete { [open] _ in
            _ = open.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
        }
        return evicted
    }

    /// Connections open now.
    var count: Int { open.withLockedValue { $0.channels.count } }

    /// Closes every open connection.
    func closeAll() {
        for channel in open.withLockedValue({ $0.channels.values.map(\.channel) }) { channel.close(promise: nil) }
    }
}
