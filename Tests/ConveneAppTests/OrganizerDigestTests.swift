import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// The organizer's digest reports each change once, across restarts, and nothing when nothing changed.
@Suite struct OrganizerDigestTests {
    let mailbox = try! MailboxAddress("imap://127.0.0.1:1143/INBOX")

    /// The forum delivered, with everything up to now already reported.
    func reported(_ kind: StoreKind) throws -> (Store, String) {
        let (store, dir) = try Forum.delivered(on: kind)
        let first = try #require(try OrganizerDigest.pending(store: store, solveTimeLimit: .milliseconds(300)))
        #expect(try first.markReported(store: store, at: Forum.stamp))
        #expect(try OrganizerDigest.pending(store: store) == nil)
        return (store, dir)
    }

    @Test(arguments: StoreKind.available) func aDeclineIsReportedWithItsConflictInTheRuleBooksWordsAndWhatRescheduleWouldMove(_ kind: StoreKind) throws {
        let (store, _) = try reported(kind)
        let reply = Forum.reply("DECLINED", comment: "Je serai à Lyon")
        _ = try Mailbox(store: store).take(Array(Forum.message(from: "claire.dubois@example.fr", calendar: reply).utf8),
                                           uid: 1, mailbox: mailbox, at: Forum.stamp)
        let digest = try #require(try OrganizerDigest.pending(store: store, solveTimeLimit: .milliseconds(300)))
        #expect(digest.facts.count == 1 && digest.facts[0].action == "rsvp" && digest.facts[0].detail.contains("c-dubois declined s-open"))
        // The same words `convene conflicts` prints.
        let conflicts = try ChangePipeline(store: store).current().conflicts.map(\.description)
        #expect(digest.newConflicts == conflicts && conflicts.contains { $0.hasPrefix("declined: Claire Dubois declined") })
        #expect(digest.moves.contains { $0.contains("(s-open)") })
        #expect(digest.text.contains("Je serai à Lyon") && digest.text.contains("`convene reschedule` would move:"))
        #expect(try digest.markReported(store: store, at: Forum.stamp))
        // A restart opens the same file: nothing is reported again, and a second report of the same changes is refused.
        let reopened = try store.openedAgain()
        #expect(try OrganizerDigest.pending(store: reopened) == nil)
        #expect(try !digest.markReported(store: reopened, at: Forum.stamp))
    }

    @Test(arguments: StoreKind.available) func aHeldCounterIsListedWithItsProposedTime(_ kind: StoreKind) throws {
        let (store, _) = try reported(kind)
        let counter = Forum.reply("ACCEPTED").replacingOccurrences(of: "METHOD:REPLY", with: "METHOD:COUNTER")
            .replacingOccurrences(of: "DTSTART:20270222T003000Z", with: "DTSTART:20270222T013000Z\r\nDTEND:20270222T023000Z")
        _ = try Mailbox(store: store).take(Array(Forum.message(from: "claire.dubois@example.fr", calendar: counter).utf8),
                                           uid: 2, mailbox: mailbox, at: Forum.stamp)
        let digest = try #require(try OrganizerDigest.pending(store: store))
        // The audit log says it was held; no answer, so no conflict and nothing to move.
        #expect(digest.facts.map(\.detail).allSatisfy { $0.contains("held for the organizer (proposes a new time)") })
        #expect(digest.newConflicts.isEmpty && digest.moves.isEmpty && digest.held.count == 1)
        #expect(digest.text.contains("proposes a new time; \"Opening Plenary\" (s-open): proposes 2027-02-22 10:30–11:30 instead of 2027-02-22 09:30–10:30"))
        #expect(try digest.markReported(store: store, at: Forum.stamp))
        #expect(try OrganizerDigest.pending(store: store) == nil)
    }

    /// The digest as a mail: queued once with its cursor, in the event's language, to an address that is
    /// no person; a restart queues nothing again, and the outbox counts it as queued.
    @Test(arguments: StoreKind.available) func theDigestIsQueuedOnceAsAMailToTheOrganizer(_ kind: StoreKind) throws {
        let (store, _) = try reported(kind)
        let reply = Forum.reply("DECLINED", comment: "Je serai à Lyon")
        _ = try Mailbox(store: store).take(Array(Forum.message(from: "claire.dubois@example.fr", calendar: reply).utf8),
                                           uid: 1, mailbox: mailbox, at: Forum.stamp)
        let before = try store.outbox(includingBytes: false).count
        let queuedBefore = try StatusReport.load(from: store, at: Forum.stamp).mail.queued
        let digest = try #require(try OrganizerDigest.pending(store: store, solveTimeLimit: .milliseconds(300)))
        let m = try #require(try digest.queue(store: store, to: nil, at: Forum.stamp))
        let organizer = try #require(try store.event()).organizer.email
        #expect(m.recipient == organizer && m.person.isEmpty && m.kind == .digest)
        // The body in the event's language, with the conflict in the rule book's words.
        let body = try PublishedPageLinksTests.plainText(m.bytes)
        #expect(body.contains("declined: Claire Dubois declined") && body.contains("`convene reschedule` would move:"))
        #expect(body.contains("前回のダイジェスト以降の変更") == (try #require(try store.event()).name.ja != nil))
        let outbox = try store.outbox(includingBytes: false)
        #expect(outbox.count == before + 1 && outbox.last?.messageID == m.messageID && outbox.last?.state == .queued)
        #expect(try store.dueMessages(at: Forum.stamp).contains { $0.messageID == m.messageID })
        #expect(try StatusReport.load(from: store, at: Forum.stamp).mail.queued == queuedBefore + 1)
        // Reported with the mail: the same digest is neither queued nor reported twice, even after a restart.
        #expect(try digest.queue(store: store, to: "other@example.org", at: Forum.stamp) == nil)
        let reopened = try store.openedAgain()
        #expect(try OrganizerDigest.pending(store: reopened) == nil)
        #expect(try reopened.outbox(includingBytes: false).count == before + 1)
    }
}
