public import ConveneCore
public import ConveneMail
public import ConveneStore

/// What one delivery run did.
public struct DeliveryReport: Sendable, Hashable {
    public var sent = 0
    /// Left queued after temporary failures, to be tried again later.
    public var deferred = 0
    /// Failed for good (recorded, shown by `convene status`).
    public var failed = 0
    public var errors: [String] = []
}

/// Delivers the outbox: each due message is claimed, handed to the transport and marked sent only after
/// it was accepted. A crash between the two re-sends that one message, with the same bytes and Message-ID,
/// and until then a publish counts it as delivered (at-least-once, never at-most-once).
/// Only what a publish queued goes out, and a message a later publish superseded never does.
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

    /// Creates a delivery run; `now` and `sleep` are passed in so tests control time.
    public init(store: Store, transport: any Transport, sender: String, backoff: [Duration] = [.seconds(1), .seconds(2), .seconds(4)],
                maxAttempts: Int = 10, now: @escaping () -> Instant, sleep: @escaping (Duration) -> Void) {
        self.store = store
        self.transport = transport
        self.sender = sender
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.now = now
        self.sleep = sleep
    }

    /// Sends every due message once. When the server keeps failing temporarily, the rest stay queued.
    public func run() throws -> DeliveryReport {
        defer { transport.finish() }
        var report = DeliveryReport()
        let due = try store.dueMessages(at: now())
        for (index, message) in due.enumerated() {
            // A publish may have superseded it since the queue was read; once claimed, none will.
            guard try store.claim(message.messageID, at: now()) else { continue }
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
