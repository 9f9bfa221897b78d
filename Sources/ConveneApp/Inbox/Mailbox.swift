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
        guard try !EventDirectory(store: store).ids().isEmpty else { throw AppError.noEvent }
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
            guard let target = try target(of: message) else {
                // Of no event here, or of several at once: held for every event's organizer, never guessed.
                let held = HeldReply(file: message.file, sender: message.sender, subject: message.subject, sentAt: message.sentAt,
                                     excerpt: message.excerpt, attendee: change.replies.first?.reply.attendee,
                                     calendar: message.calendar, reason: "it answers no one event of this database")
                try store.holdUnmatched([held], command: "inbox fetch", at: now)
                return .init(uid: uid, outcome: .held, detail: [held.reason])
            }
            outcome = try ChangePipeline(store: target).apply(change, force: false, reason: nil, at: now)
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

    /// The store a message is recorded in: this one when it works on one event (scoped, or the only one
    /// held); in a database of several, the event every UID of the message's calendar names (Convene's
    /// UIDs end `.EVENT@convene`); nil when they name none or more than one.
    func target(of message: ReplyMessage) throws -> Store? {
        let events = EventDirectory(store: store)
        let ids = try events.ids()
        guard store.eventID == nil, ids.count > 1 else { return store }
        // Unfolded, so that a UID folded over two lines is read whole.
        let text = (message.calendar ?? "").replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\n ", with: "")
        var named: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) where line.uppercased().hasPrefix("UID") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let uid = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            for id in ids where uid.hasSuffix(".\(id)@convene") { named.insert(id) }
        }
        guard named.count == 1, let id = named.first else { return nil }
        return events.scoped(to: id)
    }
}
