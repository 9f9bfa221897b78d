import ConveneCore
@testable import ConveneMail
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct InvitationComposerTests {
    func notice(_ kind: NoticeKind = .invitation, person: String, session: String = "s-open", sequence: Int = 0) -> Notice {
        let a = Forum.schedule.first { $0.session == session }!
        return Notice(kind: kind, person: person, session: session, uid: "\(session).test-forum@convene", sequence: sequence,
                      room: a.room, start: a.start, stamp: Forum.stamp, required: true, sessionCancelled: kind == .cancel,
                      previousRoom: kind == .update ? "room-1" : nil,
                      previousStart: kind == .update ? Forum.at("2027-02-22 11:00") : nil)
    }

    func compose(_ n: Notice, event: Event = Forum.event) throws -> MailMessage {
        try InvitationComposer(event: event).compose(n, at: Forum.stamp)
    }

    @Test func japaneseInvitationBodyMatchesGolden() throws {
        let m = try compose(notice(person: "p-sato"))
        #expect(try Golden.check(Array(m.text.utf8), "invitation.ja.txt"))
        #expect(m.subject == "【ご案内】開会全体会議（テストフォーラム）")
    }

    @Test func englishInvitationShowsHomeTimeWhenClocksDiffer() throws {
        let m = try compose(notice(person: "c-dubois"))
        #expect(try Golden.check(Array(m.text.utf8), "invitation.en.txt"))
        #expect(m.text.contains("In your time zone: Monday 22 February 2027, 01:30–02:30 (Europe/Paris)"))
        // Seoul's clocks read the same as Tokyo's: no second time.
        #expect(!(try compose(notice(person: "i-kim")).text.contains("In your time zone")))
    }

    @Test func updateAndCancelBodiesMatchGolden() throws {
        #expect(try Golden.check(Array(compose(notice(.update, person: "p-sato", sequence: 1)).text.utf8), "update.ja.txt"))
        #expect(try Golden.check(Array(compose(notice(.cancel, person: "c-dubois", sequence: 2)).text.utf8), "cancel.en.txt"))
    }

    @Test func wholeMessageMatchesGolden() throws {
        let bytes = try compose(notice(person: "p-sato")).render()
        #expect(try Golden.check(bytes, "invitation.ja.eml"))
    }

    @Test func patientNamesAreShownOnlyToPeopleInTheSession() throws {
        let composer = try InvitationComposer(event: Forum.event)
        let panel = Forum.event.session("s-panel")!
        let insider = composer.participants(of: panel, for: Forum.event.stakeholder("i-kim")!)
        #expect(insider.contains { ($0["name"] as? String) == "佐藤 花子" })
        let outsider = composer.participants(of: panel, for: Forum.event.stakeholder("c-dubois")!)
        #expect(!outsider.contains { ($0["name"] as? String) == "佐藤 花子" })
        #expect(outsider.contains { ($0["name"] as? String) == "a patient organization representative" })
    }

    @Test func aDigestIsInItsReadersLanguageWhenTheyAreAStakeholder() throws {
        let event = Forum.event
        let composer = try InvitationComposer(event: event)
        let english = try #require(event.stakeholders.first { $0.language == .en })
        let toThem = try composer.composeDigest("- one answer", to: english.email.uppercased(), at: Forum.stamp)
        #expect(toThem.subject.hasPrefix("What changed:"))
        let toOrganizer = try composer.composeDigest("- one answer", to: nil, at: Forum.stamp)
        #expect(toOrganizer.subject.hasPrefix(event.name.ja == nil ? "What changed:" : "【変更のお知らせ】"))
    }

    @Test func aTitleWithALineBreakIsRefused() throws {
        var event = Forum.event
        event.sessions[0].title.ja = "開会\r\nBcc: everyone@example.org"
        #expect(throws: MailError.self) { try compose(notice(person: "p-sato"), event: event) }
    }

    @Test func planTemplatesOverrideTheDefaultsWithoutHTMLEscaping() throws {
        var event = Forum.event
        event.templates = ["invitation.en": "{{recipient}}: {{title}} & more\n"]
        let m = try compose(notice(person: "c-dubois"), event: event)
        #expect(m.text == "Claire Dubois: Opening Plenary & more\n")
    }

    @Test func aBadTemplateNamesItsKeyAndLine() {
        var event = Forum.event
        event.templates = ["invitation.ja": "ok\n{{#title}}\nunclosed"]
        #expect(throws: MailError.self) { try InvitationComposer(event: event) }
        do { _ = try InvitationComposer(event: event) } catch {
            #expect("\(error)".contains("'invitation.ja' line"))
        }
        event.templates = ["welcome.fr": "x"]
        #expect(throws: MailError.self) { try InvitationComposer(event: event) }
    }
}
