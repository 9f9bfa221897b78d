import ConveneCore
import CoreMetrics
import NIOConcurrencyHelpers
import Prometheus

/// What the running service knows about itself: each worker's state for `/healthz`, and the counters
/// and timers `/metrics` shows. Code records through swift-metrics; only `prometheusText` knows Prometheus.
package final class Operations: Sendable {
    /// One worker's state, as `/healthz` shows it.
    package struct WorkerState: Sendable, Hashable, Codable {
        /// `starting`, `running`, `idle`, `busy` (another process holds the send lease), `failing` or `stopped`.
        package var state: String
        /// When its last pass ended, in ISO 8601; nil before the first.
        package var lastRun: String?
        /// The last pass's error, in words; nil when it went well.
        package var lastError: String?
    }

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let workers = NIOLockedValueBox<[String: WorkerState]>([:])
    let requests: NIOLockedValueBox<[Int: CoreMetrics.Counter]> = .init([:])
    let requestDuration: CoreMetrics.Timer
    let mailSent: CoreMetrics.Counter
    let mailFailed: CoreMetrics.Counter
    let mailDeferred: CoreMetrics.Counter
    let queueDepth: CoreMetrics.Gauge
    let mailSending: CoreMetrics.Gauge
    let imapErrors: CoreMetrics.Counter
    private let mailbox: NIOLockedValueBox<[String: CoreMetrics.Counter]> = .init([:])
    private let calendarGauges: NIOLockedValueBox<[String: (last: CoreMetrics.Gauge, failures: CoreMetrics.Counter)]> = .init([:])

    package init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100),
                                                   .milliseconds(500), .seconds(2), .seconds(10)]
        self.factory = factory
        requestDuration = CoreMetrics.Timer(label: "convene_http_request_duration_seconds", factory: factory)
        mailSent = CoreMetrics.Counter(label: "convene_mail_sent_total", factory: factory)
        mailFailed = CoreMetrics.Counter(label: "convene_mail_failed_total", factory: factory)
        mailDeferred = CoreMetrics.Counter(label: "convene_mail_deferred_total", factory: factory)
        queueDepth = CoreMetrics.Gauge(label: "convene_mail_queue_depth", factory: factory)
        mailSending = CoreMetrics.Gauge(label: "convene_mail_sending", factory: factory)
        imapErrors = CoreMetrics.Counter(label: "convene_imap_errors_total", factory: factory)
    }

    /// Sets a worker's state, keeping what is not given.
    package func set(_ worker: String, state: String, lastRun: String? = nil, lastError: String?? = nil) {
        workers.withLockedValue { all in
            var w = all[worker] ?? WorkerState(state: state)
            w.state = state
            if let lastRun { w.lastRun = lastRun }
            if let lastError { w.lastError = lastError }
            all[worker] = w
        }
    }

    /// Every worker's state, by name.
    package var workerStates: [String: WorkerState] { workers.withLockedValue { $0 } }

    /// Counts one answered request and how long it took.
    func recordRequest(status: Int, nanoseconds: Int64) {
        let counter = requests.withLockedValue { all in
            if let c = all[status] { return c }
            let c = CoreMetrics.Counter(label: "convene_http_requests_total", dimensions: [("status", String(status))], factory: factory)
            all[status] = c
            return c
        }
        counter.increment()
        requestDuration.recordNanoseconds(nanoseconds)
    }

    /// Counts messages read from the mailbox by what became of them.
    func mailboxMessages(_ outcome: String) -> CoreMetrics.Counter {
        mailbox.withLockedValue { all in
            if let c = all[outcome] { return c }
            let c = CoreMetrics.Counter(label: "convene_mailbox_messages_total", dimensions: [("outcome", outcome)], factory: factory)
            all[outcome] = c
            return c
        }
    }

    /// Records a refresh of one calendar source: a person's live calendar (`kind` `live`, by person id,
    /// never the address) or the plan's calendar files (`files`, no person).
    func calendarRefreshed(person: String, kind: String, at now: Instant, failed: Bool) {
        let metrics = calendarGauges.withLockedValue { all in
            let key = "\(kind)/\(person)"
            if let m = all[key] { return m }
            let dimensions = [("kind", kind), ("person", person)]
            let m = (last: CoreMetrics.Gauge(label: "convene_calendar_last_refresh_timestamp_seconds", dimensions: dimensions, factory: factory),
                     failures: CoreMetrics.Counter(label: "convene_calendar_refresh_failures_total", dimensions: dimensions, factory: factory))
            all[key] = m
            return m
        }
        metrics.last.record(Double(now.secondsSinceEpoch))
        metrics.failures.increment(by: failed ? 1 : 0)
    }

    /// The metrics in Prometheus' text format, version 0.0.4.
    package var prometheusText: [UInt8] { registry.emitToBuffer() }
}
