public import ConveneCore
public import ConveneMail
public import ConveneStore
import Foundation

/// What one delivery run did.
public struct DeliveryReport: Sendable, Hashable {
    public var sent = 0
    /// Left queued after temporary failures, to be tried again later.
    public var deferred = 0
    /// Failed for good (recorded, shown by `convene status`).
    public var failed = 0
    public var errors: [String] = []
    /// Set when nothing was sent because another process holds the right to send: who, and until when.
    public var busy: SendLeaseHolder?

    /// A run that did nothing.
    public init() {}
}

/// Delivers the outbox: each due message is claimed, handed to the transport and marked sent only after
/// it was accepted. A crash between the two re-sends that one message, with the same bytes and Message-ID,
/// and until then a publish counts it as delivered (at-least-once, never at-most-once).
/// Only what a publish queued goes out, and a message a later publish superseded never does.
/// One run sends at a time per database: each takes the send lease first (see `SendLease`), so a
/// second `serve` or a concurrent `invite` waits its turn instead of sending the same message again.
public struct Delivery {
    public var store: Store
    public var transport: any Transport
    /// The envelope sender.
    public var sender: String
    /// Waits between tries of one message within a run.
    public var backoff: [Duration]
    /// After this many attempts in all (over runs) a message is failed for good.
    public var maxAttempts: Int
    public var now: () -> Instant
    public var sleep: (Duration) -> Void
    /// The lease this run sends under; another run's lease keeps this one from sending.
    public var lease: SendLease
    /// Asked before each message: true ends the run there (a service shutting down finishes the
    /// message in flight and leaves the rest queued).
    public var shouldStop: () -> Bool = { false }

    /// Creates a delivery run; `now` and `sleep` are passed in so tests control time.
    public init(store: Store, transport: any Transport, sender: String, backoff: [Duration] = [.seconds(1), .seconds(2), .seconds(4)],
                maxAttempts: Int = 10, lease: SendLease = SendLease(holder: Delivery.processName()),
                now: @escaping () -> Instant, sleep: @escaping (Duration) -> Void) {
        self.store = store
        self.transport = transport
        self.sender = sender
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.now = now
        self.sleep = sleep
        self.lease = lease
    }

    /// Names this process for the send lease: host and pid for people, a random part so that two
    /// runs in one process are told apart too.
    public static func processName() -> String {
        "\(ProcessInfo.processInfo.hostName) pid \(ProcessInfo.processInfo.processIdentifier) \(UUID().uuidString.prefix(8))"
    }

    /// How the outbox stands after a run, for the service's metrics.
    public func queueStatus() throws -> OutboxStatus { try store.outboxStatus() }

    /// Sends every due message once. When the server keeps failing temporarily, the rest stay queued.
    public func run() throws -> DeliveryReport {
        defer { transport.finish() }
        var report = DeliveryReport()
        guard try store.takeSendLease(lease, at: now()) else {
            report.busy = try store.sendLeaseHolder(at: now())
            return report
        }
        defer { try? store.releaseSendLease(lease) }
        let due = try store.dueMessages(at: now())
        for (index, message) in due.enumerated() {
            if shouldStop() {
                report.deferred += due.count - index
                return report
            }
            // A publish may have superseded it since the queue was read; once claimed, none will.
            // The claim renews the lease in its transaction: a run that lost it claims nothing more.
            guard try store.claim(message.messageID, at: now(), holding: lease) else {
                if let other = try store.sendLeaseHolder(at: now()), other.holder != lease.holder {
                    report.busy = other
                    report.deferred += due.count - index
                    return report
                }
                continue
            }
            let envelope = Envelope(messageID: message.messageID, recipient: message.recipient, bytes: message.bytes)
            var tries = 0
            while true {
                do {
                    try transport.send(envelope, from: sender)
                    try store.markSent(message.messageID, attempts: tries + 1, at: now())
                    report.sent += 1
                    break
                } catch let f as TransportFailure {
                    let attempts = message.attempts + tries + 1
                    if !f.permanent && tries < backoff.count && attempts < maxAttempts {
                        sleep(backoff[tries])
                        tries += 1
                        continue
                    }
                    let permanent = f.permanent || attempts >= maxAttempts
                    // Later runs wait longer: 1, 2, 4 … minutes, at most an hour.
                    let wait = min(60, 1 << min(attempts, 6))
                    try store.markFailed(message.messageID, error: f.message, permanent: permanent,
                                         retryAt: permanent ? nil : now().adding(minutes: wait), attempts: tries + 1,
                                         at: now())
                    report.errors.append("\(message.recipient) (\(message.messageID)): \(f)")
                    if permanent {
                        report.failed += 1
                    } else {
                        // The server is not answering: leave the rest for the next run rather than time out on each.
                        report.deferred += due.count - index
                        return report
                    }
                    break
                }
            }
        }
        return report
    }
}
