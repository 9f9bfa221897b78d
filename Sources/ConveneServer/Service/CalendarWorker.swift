import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Logging
import ServiceLifecycle

/// Refreshes the calendars of every event in the store every `calendars.every` seconds: a loop around `LiveCalendars.refresh` (each
/// person's live calendar, with If-None-Match / If-Modified-Since, backing off per calendar after
/// failures) and `CalendarFiles.refresh` (the plan's files, read again when one's modification time
/// changes). What changed is a fact recorded through the change pipeline; a failure keeps the last
/// good busy times. Logs name people by id, never an address.
struct CalendarWorker: Service {
    let store: Store
    let settings: ServiceConfig.Calendars
    let operations: Operations
    let logger: Logger

    /// The plan's calendar files as the loop last saw them, and its backoff after they could not be read.
    struct Files {
        var seen: [String: Date] = [:]
        var failures = 0
        var retryAt: Int64 = 0
    }

    func run() async throws {
        operations.set("calendars", state: "running")
        // Each event's plan names its own calendar files, seen and backed off on their own.
        var files: [String: Files] = [:]
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let directory = EventDirectory(store: store)
            let events = (try? directory.ids()) ?? []
            // One state for the worker: failing while any event's source fails, each failure named by its event.
            var failures: [String] = [], note: String?
            if events.isEmpty { (_, failures, note) = await pass(Files(), store: store) }
            for id in events where !Task.isShuttingDownGracefully && !Task.isCancelled {
                let (after, failed, said) = await pass(files[id] ?? Files(), store: directory.scoped(to: id))
                files[id] = after
                failures += events.count > 1 ? failed.map { "\(id): \($0)" } : failed
                note = note ?? said
            }
            if !Task.isCancelled {
                operations.set("calendars", state: failures.isEmpty ? "idle" : "failing", lastRun: DeliveryWorker.current().iso8601,
                               lastError: .some(failures.isEmpty ? note : failures.joined(separator: "; ")))
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(settings.every)) }
        }
        operations.set("calendars", state: "stopped")
    }

    /// One refresh of every source of one event that is due; returns the files' state for the next, what
    /// failed, and why nothing was refreshed (nothing imported yet).
    private func pass(_ before: Files, store: Store) async -> (Files, [String], String?) {
        let every = settings.every
        let fetcher = CalendarFetcher(allowPrivateAddresses: settings.allowPrivateAddresses)
        let now = DeliveryWorker.current()
        let filesDue = now.secondsSinceEpoch >= before.retryAt
        let seen = before.seen
        do {
            let (live, files) = try await offThread {
                let live = try LiveCalendars(store: store, fetcher: fetcher)
                    .refresh(at: now, due: { LiveCalendars.isDue($0, every: every, at: now) })
                return (live, filesDue ? try CalendarFiles(store: store).refresh(seen: seen, at: now) : nil)
            }
            var failures: [String] = []
            for r in live {
                operations.calendarRefreshed(person: r.person, kind: "live", at: now, failed: { if case .failed = r.outcome { true } else { false } }())
                switch r.outcome {
                case .unchanged: break
                case .changed(let n):
                    logger.info("calendar changed", metadata: ["person": "\(r.person)", "busy": "\(n)",
                                                               "conflicts": "\(r.change?.proposal.added.count ?? 0)"])
                case .failed(let reason):
                    failures.append("\(r.person): \(reason)")
                    logger.warning("calendar refresh failed", metadata: ["person": "\(r.person)", "error": "\(reason)"])
                }
            }
            var after = before
            if let files, files.read {
                operations.calendarRefreshed(person: "", kind: "files", at: now, failed: files.error != nil)
                if let error = files.error {
                    // Read again after `every` doubled for each failure in a row, as a live calendar is.
                    after.failures += 1
                    after.retryAt = now.secondsSinceEpoch + (Int64(every) << Int64(min(after.failures, 6))) - Int64(every) / 2
                    logger.warning("calendar files cannot be read", metadata: ["error": "\(error)"])
                } else {
                    after.failures = 0
                    if let change = files.change, change.saved != nil {
                        logger.info("calendar files changed", metadata: ["conflicts": "\(change.proposal.added.count)"])
                    }
                }
                after.seen = files.seen
            }
            // A failing source stays reported until it is read well again.
            if after.failures > 0 { failures.append("calendar files: \(files?.error ?? "not read since the last failure")") }
            return (after, failures, nil)
        } catch is CancellationError {
            return (before, [], nil)
        } catch let e as AppError where e == .noEvent {
            return (before, [], e.message)
        } catch {
            logger.warning("calendar refresh failed", metadata: ["error": "\(error)"])
            return (before, ["\(error)"], nil)
        }
    }
}
