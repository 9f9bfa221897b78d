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

    func prepared(_ kind: StoreKind = .sqlite) throws -> Store { try Forum.delivered(on: kind).0 }

    func take(_ store: Store, _ text: String, uid: UInt32) throws -> MailboxReport.Message {
        try Mailbox(store: store).take(Array(text.utf8), uid: uid, mailbox: address, at: Forum.stamp)
    }

    @Test(arguments: StoreKind.available) func aReplyRecordedButNotFlaggedIsNotAppliedTwiceWhenReadAgain(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        let mail = Forum.message(from: "claire.dubois@example.fr", calendar: Forum.reply("DECLINED", comment: "Désolée"))
        #expect(try take(store, mail, uid: 7).outcome == .recorded)
        let log = try store.auditLog().count
        // A crash before the flag: the next reading takes the same message again.
        let again = try take(store, mail, uid: 7)
        #expect(again.outcome == .recorded && again.detail.allSatisfy { $0.hasSuffix("(already recorded)") })
        #expect(try store.answers().map(\.comment) == ["Désolée"])
        #expect(try store.auditLog().count == log)
    }

    @Test(arguments: StoreKind.available) func inADatabaseOfSeveralEventsAReplyIsRecordedInTheEventItsUIDNames(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.delivered(on: kind)
        // The same forum again under another id: the same session and person ids, on purpose.
        var other = Forum.event
        other.id = "test-symposium"
        let symposium = store.scoped(to: other.id)
        try symposium.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                        plan: ChangeRecord.Plan(event: other, file: "symposium.yaml", busy: [:])), at: Forum.stamp)
        try Forum.draft(symposium)
        try Forum.publish(symposium)
        try Forum.deliver(symposium, to: dir + "/symposium")
        let forum = store.scoped(to: Forum.event.id)

        let reply = Forum.reply("DECLINED", comment: "Not in April")
            .replacingOccurrences(of: ".test-forum@convene", with: ".test-symposium@convene")
        let taken = try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: reply), uid: 9)
        #expect(taken.outcome == .recorded, "\(taken.detail)")
        #expect(try symposium.answers().map(\.comment) == ["Not in April"])
        #expect(try forum.answers().isEmpty)

        // A reply to no event of this database is held for every event's organizer and recorded nowhere.
        let stray = Forum.reply("ACCEPTED").replacingOccurrences(of: ".test-forum@convene", with: ".elsewhere@convene")
        let held = try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: stray), uid: 10)
        #expect(held.outcome == .held)
        #expect(try Inbox.list(store: symposium).count == 1 && Inbox.list(store: forum).count == 1)
        #expect(try symposium.answers().count == 1 && forum.answers().isEmpty)
    }

    @Test(arguments: StoreKind.available) func aStrangersReplyIsHeldOnceHoweverOftenItIsRead(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        let mail = Forum.message(from: "mallory@evil.example", calendar: Forum.reply("DECLINED"))
        #expect(try take(store, mail, uid: 3).outcome == .held)
        #expect(try take(store, mail, uid: 3).outcome == .held)
        #expect(try Inbox.list(store: store).count == 1)
        #expect(try store.answers().isEmpty)
    }

    @Test(arguments: StoreKind.available) func aCounterIsHeldAsANewTimeProposedAndNeverApplied(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        let counter = Forum.reply("ACCEPTED").replacingOccurrences(of: "METHOD:REPLY", with: "METHOD:COUNTER")
        let message = try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: counter, text: "An hour later?"), uid: 4)
        #expect(message.outcome == .held)
        let entry = try #require(try Inbox.list(store: store).first)
        #expect(entry.reason == "proposes a new time" && entry.person == "c-dubois" && entry.excerpt == "An hour later?")
        #expect(throws: AppError.self) { try Inbox.record(entry.id, store: store, at: Forum.stamp) }
        #expect(try store.answers().isEmpty)
    }

    @Test func anOutlookCounterShowsTheProposedTimeInWordsInTheEventsZone() throws {
        let store = try prepared()
        // Outlook's shape: a Windows zone name with its VTIMEZONE, X-MICROSOFT-CDO-*, a COMMENT.
        let counter = Forum.reply("ACCEPTED", comment: "Une heure plus tard ?")
            .replacingOccurrences(of: "METHOD:REPLY", with: "METHOD:COUNTER\r\nBEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\n"
                + "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                + "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\n"
                + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE")
            .replacingOccurrences(of: "DTSTART:20270222T003000Z", with: "DTSTART;TZID=Romance Standard Time:20270222T023000\r\n"
                + "DTEND;TZID=Romance Standard Time:20270222T033000\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nX-MICROSOFT-DISALLOW-COUNTER:FALSE")
        #expect(try take(store, Forum.message(from: "claire.dubois@example.fr", calendar: counter), uid: 4).outcome == .held)
        let entry = try #require(try Inbox.list(store: store).first)
        // 02:30 in Paris is 10:30 in Tokyo; the invitation said 09:30.
        #expect(entry.proposal == "\"Opening Plenary\" (s-open): proposes 2027-02-22 10:30–11:30 instead of 2027-02-22 09:30–10:30 "
            + "(Asia/Tokyo): \"Une heure plus tard ?\"")
        #expect(try store.answers().isEmpty)
    }

    @Test func aReplyInWordsListsItsSendersSessions() throws {
        let store = try prepared()
        #expect(try take(store, Forum.message(from: "Claire <claire.dubois@example.fr>", calendar: nil), uid: 5).outcome == .held)
        let entry = try #require(try Inbox.list(store: store).first)
        #expect(entry.reason == "written in words" && entry.attendee == nil)
        #expect(entry.person == "c-dubois" && entry.sessions.contains("s-open"))
    }

    @Test(arguments: StoreKind.available) func anUnreadableMessageStoresNothingAndIsRememberedOnce(_ kind: StoreKind) throws {
        let store = try prepared(kind)
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
