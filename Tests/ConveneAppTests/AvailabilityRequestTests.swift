import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct AvailabilityRequestTests {
    static let base = "https://forum.example.org"

    /// The page link a queued message carries, checked to be there.
    static func link(_ m: OutboxMessage) throws -> String {
        let text = try PublishedPageLinksTests.plainText(m.bytes)
        let range = try #require(text.range(of: #"https://forum\.example\.org/p/[a-z2-7]{32}"#, options: .regularExpression))
        return String(text[range])
    }

    static func token(_ url: String) -> Substring { url.split(separator: "/").last! }

    @Test func everyoneWithAnAddressGetsOnePlainMailWithTheirOwnWorkingLink() throws {
        let (store, _) = try Forum.store()
        let queued = try AvailabilityRequest(store: store).queue(deadline: "2027-01-31", baseURL: Self.base, at: Forum.stamp)
        let expected = Forum.event.stakeholders.filter { !$0.email.isEmpty }.map(\.id)
        #expect(!expected.isEmpty && queued.map(\.person) == expected)
        #expect(try store.outbox().map(\.messageID) == queued.map(\.messageID), "queued in the outbox invite sends from")
        let pages = PageLinks(store: store)
        for m in try store.outbox() {
            #expect(m.kind == .ask && m.session.isEmpty && m.state == .queued)
            let raw = String(decoding: m.bytes, as: UTF8.self)
            #expect(!raw.contains("text/calendar"), "a request carries no iTIP part")
            #expect(try pages.person(presenting: Self.token(try Self.link(m))) == m.person)
            let text = try PublishedPageLinksTests.plainText(m.bytes)
            #expect(text.contains("2027-01-31"))
            let language = try #require(Forum.event.stakeholder(m.person)).language
            #expect(text.contains(language == .ja ? "参加可能" : "Save availability"))
        }
        let audit = try #require(try store.auditLog().last)
        #expect(audit.command == "ask" && audit.action == "ask")
        #expect(audit.detail.hasPrefix("\(queued.count) requests for availability queued; to ") && audit.detail.hasSuffix("answer by 2027-01-31"))
        #expect(throws: AppError.self) { try AvailabilityRequest(store: store).queue(people: ["nobody"], baseURL: Self.base, at: Forum.stamp) }
    }

    @Test func aReminderGoesOnlyToThoseWhoHaveNotAnswered() throws {
        let (store, _) = try Forum.store()
        let everyone = Forum.event.stakeholders.filter { !$0.email.isEmpty }.map(\.id)
        let answered = try #require(everyone.first)
        try ChangePipeline(store: store).recordAvailability(
            RecordAvailability(person: answered, anyTime: true, marks: [:], note: nil, answeredAt: Forum.stamp), at: Forum.stamp)
        let request = AvailabilityRequest(store: store)
        #expect(try request.recipients(remind: true).map(\.id) == Array(everyone.dropFirst()))
        let queued = try request.queue(remind: true, baseURL: Self.base, at: Forum.stamp)
        #expect(queued.map(\.person) == Array(everyone.dropFirst()))
        #expect(try request.queue(people: [answered], remind: true, baseURL: Self.base, at: Forum.stamp).isEmpty)
        #expect(try request.queue(people: [answered], baseURL: Self.base, at: Forum.stamp).map(\.person) == [answered])
    }

    @Test func invitingDeliversEachRequestOnce() throws {
        let (store, dir) = try Forum.store()
        let queued = try AvailabilityRequest(store: store).queue(baseURL: Self.base, at: Forum.stamp)
        let folder = dir + "/mail"
        let sent = try Forum.deliver(store, to: folder)
        #expect(Set(sent) == Set(queued.map(\.messageID)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == queued.count)
        #expect(try Forum.deliver(store, to: folder).isEmpty, "a second run sends nothing again")
        #expect(try store.outbox().allSatisfy { $0.state == .sent })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == queued.count)
    }

    /// A link mailed with an invitation still opens the page after a request and a later publish;
    /// only `pages issue` ends it.
    @Test func anInvitationsLinkKeepsWorkingAfterAskAndALaterPublish() throws {
        let (store, _) = try Forum.store()
        try Forum.draft(store)
        let publisher = Publisher(store: store)
        try publisher.publish(try publisher.plan(at: Forum.stamp), force: true, reason: nil, pageBaseURL: Self.base)
        let invitation = try #require(try store.outbox().first)
        let invited = try Self.link(invitation)
        let pages = PageLinks(store: store)
        try AvailabilityRequest(store: store).queue(people: [invitation.person], baseURL: Self.base, at: Forum.stamp)
        #expect(try pages.person(presenting: Self.token(invited)) == invitation.person, "an ask adds a link")
        var moved = Forum.schedule
        moved[0].start = moved[0].start.adding(minutes: 30)
        try Forum.draft(store, moved)
        try publisher.publish(try publisher.plan(at: Forum.stamp), force: true, reason: nil, pageBaseURL: Self.base)
        #expect(try pages.person(presenting: Self.token(invited)) == invitation.person, "a later publish adds a link")
        _ = try pages.issue(for: invitation.person, at: Forum.stamp)
        #expect(try pages.person(presenting: Self.token(invited)) == nil, "pages issue replaces them all")
    }
}
