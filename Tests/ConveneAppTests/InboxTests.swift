import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// Replies are believed only from the attendee they speak for; the rest wait in the inbox.
@Suite struct InboxTests {
    func prepared(_ kind: StoreKind = .sqlite) throws -> (Store, String) { try Forum.delivered(on: kind) }

    @discardableResult
    func record(_ store: Store, _ files: [String]) throws -> ChangeOutcome { try Forum.record(store, files) }

    @Test(arguments: StoreKind.available) func aReplyFromSomeoneElseIsHeldThenRecordedWhenTheOrganizerConfirmsIt(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let file = try Forum.write(Forum.message(from: "Mallory <mallory@evil.example>", calendar: Forum.reply("DECLINED")), dir, "m.eml")
        let outcome = try record(store, [file])
        #expect(try store.answers().isEmpty)
        #expect(outcome.saved?.held == 1)
        let entries = try Inbox.list(store: store)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.sender == "mallory@evil.example" && entry.attendee == "claire.dubois@example.fr")
        #expect(entry.person == "c-dubois" && entry.sessions.contains("s-open"))
        #expect(entry.reason == "sent by mallory@evil.example, not by claire.dubois@example.fr whose answer it gives")
        #expect(entry.subject == "Re: Opening Plenary" && entry.excerpt == "Sorry, I cannot come.")
        // The same file again holds nothing new.
        #expect(try record(store, [file]).saved == nil)
        try Inbox.record(entry.id, store: store, at: Forum.stamp)
        #expect(try store.answers().map(\.person) == ["c-dubois"])
        #expect(try Inbox.list(store: store).isEmpty)
        #expect(try store.auditLog().last?.detail.contains("held reply \(entry.id), confirmed by the organizer") == true)
        #expect(throws: AppError.self) { try Inbox.record(entry.id, store: store, at: Forum.stamp) }
    }

    @Test(arguments: StoreKind.available) func theAttendeesOwnAddressInAnyCaseIsBelieved(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let file = try Forum.write(Forum.message(from: "Claire Dubois <CLAIRE.dubois@Example.FR>", calendar: Forum.reply("ACCEPTED")), dir, "c.eml")
        try record(store, [file])
        #expect(try store.answers().map(\.answer) == [.accepted])
        #expect(try Inbox.list(store: store).isEmpty)
    }

    @Test(arguments: StoreKind.available) func aBareCalendarFileIsRecordedAsTheOrganizersWord(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        try record(store, [try Forum.write(Forum.reply("ACCEPTED"), dir, "r.ics")])
        #expect(try store.answers().count == 1)
        #expect(try store.auditLog().last?.detail.contains("(a file given by the organizer)") == true)
    }

    @Test(arguments: StoreKind.available) func aReplyInWordsIsHeldAndCanBeDismissed(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let file = try Forum.write(Forum.message(from: "claire.dubois@example.fr", calendar: nil, text: "I will be late.\r\nClaire"), dir, "w.eml")
        try record(store, [file])
        let entry = try #require(try Inbox.list(store: store).first)
        #expect(entry.reason == "written in words" && entry.excerpt == "I will be late.\nClaire")
        #expect(throws: AppError.self) { try Inbox.record(entry.id, store: store, at: Forum.stamp) }
        try Inbox.dismiss(entry.id, store: store, at: Forum.stamp)
        #expect(try Inbox.list(store: store).isEmpty)
        #expect(try store.auditLog().last?.detail == "held reply \(entry.id) dismissed by the organizer")
        #expect(try store.answers().isEmpty)
    }
}
