public import ConveneCore
import ConveneICal
public import ConveneMail
public import ConveneStore

/// What one reading of the organizer's mailbox did, message by message.
public struct MailboxReport: Sendable, Codable, Hashable {
    /// What became of one message.
    public enum Outcome: String, Sendable, Codable, Hashable {
        /// Its answers were recorded (or had been, before a crash left it unflagged).
        case recorded
        /// Held for the organizer (`convene inbox`): a stranger's reply, one in words, a COUNTER.
        case held
        /// It could not be read: left unflagged on the server, reported once.
        case unreadable
    }

    /// One message read.
    public struct Message: Sendable, Codable, Hashable {
        /// Its IMAP UID in the folder.
        public var uid: UInt32
        public var outcome: Outcome
        /// What was recorded or why it was held or could not be read.
        public var detail: [String]
    }

    /// The folder read.
    public var mailbox: String
    /// The messages read this time; an unreadable message already reported is left out.
    public var messages: [Message] = []

    /// How many messages had each outcome.
    public func count(_ outcome: Outcome) -> Int { messages.filter { $0.outcome == outcome }.count }
}

/// The organizer's mailbox: replies read over IMAP go through the path `rsvp import` takes.
///
/// Each message is recorded first and flagged on the server after, so a crash in between
/// reads it again on the next run, where its answers are found recorded already and its held
/// copy is found held already: nothing is applied twice.
public struct Mailbox {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Reads every message of the folder not yet flagged `$ConveneRead`: records iTIP replies
    /// from their attendees, holds the others for the organizer, flags each one it has stored.
    /// A message that cannot be read stays unflagged and is reported the first time only.
    /// Throws when the server cannot be reached or no event is imported; what was stored stays.
    public func readNew(from address: MailboxAddress, credentials: MailboxCredentials, at now: Instant) throws -> MailboxReport {
        guard try CurrentSchedule.load(from: store) != nil else { throw AppError.noEvent }
        let imap = try IMAPMailbox(address: address, credentials: credentials)
        let reported = try store.unreadableMessages(mailbox: address.url)
        var report = MailboxReport(mailbox: address.url)
        for uid in try imap.unprocessed() {
            let bytes = try imap.message(uid: uid)
            let message = try take(bytes, uid: uid, mailbox: address, at: now)
            if message.outcome == .unreadable {
                if reported.contains(uid) { continue }
                _ = try store.rememberUnreadable(mailbox: address.url, uid: uid, reason: message.detail.joined(separator: "; "), at: now)
            } else {
                try imap.markProcessed(uid: uid)
            }
            report.messages.append(message)
        }
        return report
    }

    /// Records or holds one message already fetched, as `readNew` does before flagging it.
    /// An error in its content is returned as `unreadable`, not thrown; the store's own errors are thrown.
    public func take(_ bytes: [UInt8], uid: UInt32, mailbox: MailboxAddress, at now: Instant) throws -> MailboxReport.Message {
        let message = ReplyMessage.message(bytes, source: "\(mailbox.url);UID=\(uid)")
        let change: RecordReplies
        let outcome: ChangeOutcome
        do {
            change = try RecordReplies(messages: [message], command: "inbox fetch")
            outcome = try ChangePipeline(store: store).apply(change, force: false, reason: nil, at: now)
        } catch let error as AppError {
            return .init(uid: uid, outcome: .unreadable, detail: [error.message])
        } catch let error as ICalError {
            return .init(uid: uid, outcome: .unreadable, detail: [error.description(as: "unreadable")])
        } catch let error as MailError {
            return .init(uid: uid, outcome: .unreadable, detail: [error.message])
        }
        let held = !change.held.isEmpty
        return .init(uid: uid, outcome: held ? .held : .recorded, detail: outcome.proposal.notes)
    }
}
