import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// Messages read from the organizer's mailbox take the path of `rsvp import`; what was
/// recorded is never applied twice, whatever the server's flags say.
@Suite struct MailboxTests {
    let address = try! MailboxAddress("imap://127.0.0.1:1143/INBOX")

    func prepared() throws -> Store { try Forum.delivered().0 }

    func take(_ store: Store, _ text: String, uid: UInt32) throws -> MailboxReport.Message {
        try Mailbox(store: store).take(Array(text.utf8), uid: uid, mailbox: address, at: Forum.stamp)
    }

    @Test func aReplyRecordedButNotFlaggedIsNotAppliedTwiceWhenReadAgain() throws {
        let store = try prepared()
        let mail = Forum.message(from: "claire.dubois@example.fr", calendar: Forum.reply("DECLINED", comment: "Désolée"))
        #expect(try take(store, mail, uid: 7).outcome == .recorded)
        let log = try store.auditLog().count
        // A crash before the flag: the next reading takes the same message again.
        let again = try take(store, mail, uid: 7)
        #expect(again.outcome == .recorded && again.detail.allSatisfy { $0.hasSuffix("(already recorded)") })
        #expect(try store.answers().map(\.comment) == ["Désolée"])
        #expect(try store.auditLog().count == log)
    }

    @Test func aStrangersReplyIsHeldOnceHoweverOftenItIsRead() throws {
        let store = try prepared()
        let mail = Forum.message(from: "mallory@evil.example", calendar: Forum.reply("DECLINED"))
        #expect(try take(store, mail, uid: 3).outcome == .held)
        #expect(try take(store, mail, uid: 3).outcome == .held)
        #expect(try Inbox.list(store: store).count == 1)
        #expect(try store.answers().isEmpty)
    }

    @Test func aCounterIsHeldAsANewTimeProposedAndNeverApplied() throws {
        let store = try prepared()
        let counter = Forum.reply("ACCEPTED").replacingOccurrences(of: "METHOD:REPLY", with: "METHOD:COUNTER")
        let message = try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: counter, text: "An hour later?"), uid: 4)
        #expect(message.outcome == .held)
        let entry = try #require(try Inbox.list(store: store).first)
        #expect(entry.reason == "proposes a new time" && entry.person == "c-dubois" && entry.excerpt == "An hour later?")
        #expect(throws: AppError.self) { try Inbox.record(entry.id, store: store, at: Forum.stamp) }
        #expect(try store.answers().isEmpty)
    }

    @Test func aReplyInWordsListsItsSendersSessions() throws {
        let store = try prepared()
        #expect(try take(store, Forum.message(from: "Claire <claire.dubois@example.fr>", calendar: nil), uid: 5).outcome == .held)
        let entry = try #require(try Inbox.list(store: store).first)
        #expect(entry.reason == "written in words" && entry.attendee == nil)
        #expect(entry.person == "c-dubois" && entry.sessions.contains("s-open"))
    }

    @Test func anUnreadableMessageStoresNothingAndIsRememberedOnce() throws {
        let store = try prepared()
        let broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"
        let message = try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: broken), uid: 9)
        #expect(message.outcome == .unreadable && message.detail.first?.contains("REPLY holds no VEVENT") == true)
        let unknown = Forum.reply("ACCEPTED", session: "s-nowhere")
        #expect(try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: unknown), uid: 10).outcome == .unreadable)
        #expect(try store.answers().isEmpty && Inbox.list(store: store).isEmpty)
        #expect(try store.rememberUnreadable(mailbox: address.url, uid: 9, reason: "x", at: Forum.stamp))
        #expect(try !store.rememberUnreadable(mailbox: address.url, uid: 9, reason: "x", at: Forum.stamp))
        #expect(try store.unreadableMessages(mailbox: address.url) == [9])
        #expect(try store.unreadableMessages(mailbox: "imap://other/INBOX").isEmpty)
    }

    @Test func folderURLsAreChecked() throws {
        for good in ["imap://127.0.0.1:1143/INBOX", "imaps://mail.example.org/Replies/"] {
            #expect(throws: Never.self) { try MailboxAddress(good) }
        }
        for bad in ["http://x/INBOX", "imap://host", "imap://host/", "imap:///INBOX", "imap://host/IN BOX", "imap://host/INBOX;UID=1"] {
            #expect(throws: MailError.self, "\(bad)") { try MailboxAddress(bad) }
        }
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try Forum.write("s3cret\nignored\n", dir, "password")
        chmod(file, 0o644)
        #expect(throws: AppError.self) { try SecretFile.read(file) }
        chmod(file, 0o600)
        #expect(try SecretFile.read(file) == "s3cret")
        #expect(throws: AppError.self) { try SecretFile.read(dir + "/missing") }
    }
}
