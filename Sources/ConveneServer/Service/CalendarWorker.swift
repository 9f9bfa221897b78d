import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Logging
import ServiceLifecycle

/// Refreshes calendars every `calendars.every` seconds: a loop around `LiveCalendars.refresh` (each
/// person's live calendar, with If-None-Match / If-Modified-Since, backing off per calendar after
/// failures) and `CalendarFiles.refresh` (the plan's files, read again when one's modification time
/// changes). What changed is a fact recorded through the change pipeline; a failure keeps the last
/// good busy times. Logs name people by id, never an address.
struct CalendarWorker: Service {
    let store: Store
    let settings: ServiceConfig.Calendars
    let operations: Operations
    let logger: Logger

    func run() async throws {
        operations.set("calendars", state: "running")
        var seen: [String: Date] = [:]
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            seen = await pass(seen: seen)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(settings.every)) }
        }
        operations.set("calendars", state: "stopped")
    }

    /// One refresh of every source; returns the files' modification times as seen.
    private func pass(seen: [String: Date]) async -> [String: Date] {
        let store = store, every = settings.every
        let fetcher = CalendarFetcher(allowPrivateAddresses: settings.allowPrivateAddresses)
        let now = DeliveryWorker.current()
        do {
            let (live, files) = try await offThread {
                let live = try LiveCalendars(store: store, fetcher: fetcher)
                    .refresh(at: now, due: { LiveCalendars.isDue($0, every: every, at: now) })
                return (live, try CalendarFiles(store: store).refresh(seen: seen, at: now))
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
            if files.read {
                operations.calendarRefreshed(person: "", kind: "files", at: now, failed: files.error != nil)
                if let error = files.error {
                    failures.append("calendar files: \(error)")
                    logger.warning("calendar files cannot be read", metadata: ["error": "\(error)"])
                } else if let change = files.change, change.saved != nil {
                    logger.info("calendar files changed", metadata: ["conflicts": "\(change.proposal.added.count)"])
                }
            }
            operations.set("calendars", state: failures.isEmpty ? "idle" : "failing", lastRun: now.iso8601,
                           lastError: .some(failures.isEmpty ? nil : failures.joined(separator: "; ")))
            return files.seen
        } catch is CancellationError {
            return seen
        } catch let e as AppError where e == .noEvent {
            operations.set("calendars", state: "idle", lastRun: now.iso8601, lastError: .some(e.message))
        } catch {
            logger.warning("calendar refresh failed", metadata: ["error": "\(error)"])
            operations.set("calendars", state: "failing", lastRun: now.iso8601, lastError: .some("\(error)"))
        }
        return seen
    }
}
