import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Sends what `publish` and `ask` queued, for every event in the store, a few seconds after they queue
/// it: a loop around one `Delivery` run per event. The run decides everything that must happen once (the send lease on
/// SQLite, each claim) in the database; the loop only waits, counts and reports. On PostgreSQL the workers of several
/// servers send side by side.
struct DeliveryWorker: Service {
    let store: Store
    let smtp: ServiceConfig.SMTP
    /// How long the loop waits between runs.
    let every: Duration
    let operations: Operations
    let logger: Logger

    func run() async throws {
        let stopping = NIOLockedValueBox(false)
        operations.set("delivery", state: "running")
        await withGracefulShutdownHandler {
            while !stopping.withLockedValue({ $0 }) && !Task.isCancelled {
                await pass(stopping: stopping)
                // Wakes at once on shutdown: the group cancels this sleep.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
            }
        } onGracefulShutdown: {
            stopping.withLockedValue { $0 = true }
        }
        operations.set("delivery", state: "stopped")
    }

    /// One delivery run, on a thread of its own: the SMTP transport blocks.
    private func pass(stopping: NIOLockedValueBox<Bool>) async {
        let store = store, smtp = smtp
        let outcome: Result<(DeliveryReport, OutboxStatus?), any Error>
        do {
            outcome = .success(try await offThread {
                // One run per event, each from its organizer; the send lease is the store's, taken by each run.
                var total = DeliveryReport()
                var status: OutboxStatus?
                for stored in try StoredEvent.all(in: store) where !stopping.withLockedValue({ $0 }) {
                    let sender = try MailAddress(name: stored.event.organizer.name,
                                                 address: smtp.from ?? stored.event.organizer.email, context: "smtp.from")
                    var delivery = Delivery(store: stored.store, transport: try Self.transport(smtp), sender: sender.address,
                                            now: Self.current, sleep: { d in
                                                // Backoff sleeps end early on shutdown: the message waits for the next start.
                                                let until = Date().addingTimeInterval(Double(d.components.seconds))
                                                while Date() < until && !stopping.withLockedValue({ $0 }) {
                                                    Thread.sleep(forTimeInterval: 0.05)
                                                }
                                            })
                    delivery.shouldStop = { stopping.withLockedValue { $0 } }
                    let report = try delivery.run()
                    total.sent += report.sent
                    total.deferred += report.deferred
                    total.failed += report.failed
                    total.errors += report.errors
                    total.busy = total.busy ?? report.busy
                    if let s = try? delivery.queueStatus() {
                        status = status.map { var sum = $0; sum.queued += s.queued; sum.sending += s.sending; return sum } ?? s
                    }
                    // Another process holds the lease: the other events' runs would find it held too.
                    if report.busy != nil { break }
                }
                return (total, status)
            })
        } catch {
            outcome = .failure(error)
        }
        let stamp = Self.current().iso8601
        switch outcome {
        case .success(let (report, status)):
            if let status {
                operations.queueDepth.record(status.queued)
                operations.mailSending.record(status.sending)
            }
            operations.mailSent.increment(by: report.sent)
            operations.mailFailed.increment(by: report.failed)
            operations.mailDeferred.increment(by: report.deferred)
            if report.sent > 0 || report.failed > 0 || report.deferred > 0 {
                logger.info("delivery run", metadata: ["sent": "\(report.sent)", "deferred": "\(report.deferred)",
                                                        "failed": "\(report.failed)"])
            }
            // Errors name the recipient, the Message-ID and the server's answer: never the message itself.
            for e in report.errors { logger.warning("delivery failed", metadata: ["error": "\(e)"]) }
            let state = report.busy != nil ? "busy" : report.errors.isEmpty ? "idle" : "failing"
            operations.set("delivery", state: state, lastRun: stamp, lastError: .some(report.errors.last))
        case .failure(let error):
            logger.error("delivery run failed", metadata: ["error": "\(error)"])
            operations.set("delivery", state: "failing", lastRun: stamp, lastError: .some("\(error)"))
        }
    }

    static func current() -> Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) }

    /// The transport `smtp.url` names; a shorter timeout than `invite`'s, so that a message in flight
    /// ends within the 10 seconds a shutdown may take.
    static func transport(_ smtp: ServiceConfig.SMTP) throws -> any Transport {
        if smtp.url.hasPrefix("file:") { return try FileTransport(directory: String(smtp.url.dropFirst(5))) }
        return try SMTPTransport(options: .init(url: smtp.url, username: smtp.user, password: smtp.password?.value, timeout: 8))
    }
}
