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
    func reported() throws -> (Store, String) {
        let (store, dir) = try Forum.delivered()
        let first = try #require(try OrganizerDigest.pending(store: store, solveTimeLimit: .milliseconds(300)))
        #expect(try first.markReported(store: store, at: Forum.stamp))
        #expect(try OrganizerDigest.pending(store: store) == nil)
        return (store, dir)
    }

    @Test func aDeclineIsReportedWithItsConflictInTheRuleBooksWordsAndWhatRescheduleWouldMove() throws {
        let (store, dir) = try reported()
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
        let reopened = try Store(path: dir + "/convene.sqlite")
        #expect(try OrganizerDigest.pending(store: reopened) == nil)
        #expect(try !digest.markReported(store: reopened, at: Forum.stamp))
    }

    @Test func aHeldCounterIsListedWithItsProposedTime() throws {
        let (store, _) = try reported()
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
}
