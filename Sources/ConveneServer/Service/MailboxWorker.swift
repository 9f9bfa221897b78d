import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Logging
import ServiceLifecycle

/// Reads the organizer's mailbox every `imap.every` seconds: a loop around `Mailbox.readNew`, which
/// records, holds or reports each new reply and flags it so that none is read twice.
struct MailboxWorker: Service {
    let store: Store
    let address: MailboxAddress
    let credentials: MailboxCredentials
    let every: Duration
    let operations: Operations
    let logger: Logger

    func run() async throws {
        operations.set("mailbox", state: "running")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await pass()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
        }
        operations.set("mailbox", state: "stopped")
    }

    private func pass() async {
        let store = store, address = address, credentials = credentials
        let stamp = DeliveryWorker.current()
        do {
            let report = try await offThread { try Mailbox(store: store).readNew(from: address, credentials: credentials, at: stamp) }
            for outcome in [MailboxReport.Outcome.recorded, .held, .unreadable] {
                operations.mailboxMessages(outcome.rawValue).increment(by: report.count(outcome))
            }
            if !report.messages.isEmpty {
                // Counts and UIDs only: a message's text never reaches the log.
                logger.info("mailbox read", metadata: [
                    "recorded": "\(report.count(.recorded))", "held": "\(report.count(.held))",
                    "unreadable": "\(report.count(.unreadable))",
                ])
            }
            operations.set("mailbox", state: "idle", lastRun: stamp.iso8601, lastError: .some(nil))
        } catch is CancellationError {
            return
        } catch let e as AppError where e == .noEvent {
            operations.set("mailbox", state: "idle", lastRun: stamp.iso8601, lastError: .some(e.message))
        } catch {
            operations.imapErrors.increment()
            logger.warning("mailbox cannot be read", metadata: ["error": "\(error)"])
            operations.set("mailbox", state: "failing", lastRun: stamp.iso8601, lastError: .some("\(error)"))
        }
    }
}
