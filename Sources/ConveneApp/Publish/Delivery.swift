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
/// On SQLite one run sends at a time per database: each takes the send lease first (see `SendLease`), so a
/// second `serve` or a concurrent `invite` waits its turn instead of sending the same message again. On
/// PostgreSQL runs send side by side (several servers on one database), each message claimed by one of
/// them under a row lock (`Store.claimNextDue`); a claim older than `lease.seconds` is a dead run's and
/// is taken again.
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
    /// The lease this run sends under on SQLite; another run's lease keeps this one from sending. On
    /// PostgreSQL no lease is taken: its `seconds` is how old another sender's claim must be to be taken again.
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

    /// Sends every message due when the run begins, once; what a publish queues meanwhile waits for
    /// the next run. When the server keeps failing temporarily, the rest stay queued.
    public func run() throws -> DeliveryReport {
        defer { transport.finish() }
        var report = DeliveryReport()
        // Side by side (PostgreSQL) each claim is decided by a row lock; else one run sends at a time, under the lease.
        let lease = store.sendsSideBySide ? nil : self.lease
        if let lease {
            guard try store.takeSendLease(lease, at: now()) else {
                report.busy = try store.sendLeaseHolder(at: now())
                return report
            }
        }
        defer { if let lease { try? store.releaseSendLease(lease) } }
        // Read before the queue: a message queued in between lies past the mark and waits for the next run.
        let mark = try store.outboxMark()
        let due = Set(try store.dueMessages(at: now()).map(\.messageID))
        guard !due.isEmpty else { return report }
        // Under the lease no other run is sending: a claim left behind is a dead run's, taken again at once.
        // Side by side, a claim is another sender's until it is older than a message's tries can take.
        let staleAfter = lease == nil ? self.lease.seconds : 0
        /// Of the messages due at the start, those still waiting unclaimed: what this run leaves for later.
        func waiting() throws -> Int {
            try store.outbox(includingBytes: false).filter { due.contains($0.messageID) && $0.state == .queued && $0.claimedAt == nil }.count
        }
        while true {
            if shouldStop() {
                report.deferred += try waiting()
                return report
            }
            // A publish may have superseded a message since the queue was read; once claimed, none will.
            // Under the lease the claim renews it in its transaction: a run that lost it claims nothing more.
            guard let message = try store.claimNextDue(at: now(), staleAfter: staleAfter, through: mark, holding: lease) else {
                if let lease, let other = try store.sendLeaseHolder(at: now()), other.holder != lease.holder {
                    report.busy = other
                    report.deferred += try waiting()
                }
                return report
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
                        report.deferred += try waiting()
                        return report
                    }
                    break
                }
            }
        }
    }
}
