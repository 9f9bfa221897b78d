import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Testing

@Suite struct ReplyImportTests {
    func write(_ text: String, _ dir: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func prepared() throws -> (Store, String) {
        let (store, dir) = try Forum.store()
        try store.saveSchedule(assignments: Forum.schedule, unscheduled: [], score: nil, at: Forum.stamp, command: "test")
        try Invitations(store: store).queue(at: Forum.stamp)
        return (store, dir)
    }

    @Test func aDeclineFromARequiredPersonBecomesAConflict() throws {
        let (store, dir) = try prepared()
        let file = try write(ITIPReplyTests.reply("DECLINED"), dir, "reply.ics")
        let report = try ReplyImport(store: store).run(files: [file], at: Forum.stamp)
        #expect(report.recorded == 1)
        let open = try store.attendance().first { $0.session == "s-open" }!
        #expect(open.declined == 1 && open.noAnswer == 2)
        #expect(try store.declines().map { "\($0.session)/\($0.person)" } == ["s-open/c-dubois"])
        #expect(try store.currentState().conflicts.contains { $0.kind == .declined && $0.people == ["c-dubois"] })
        // The same file again records nothing new.
        #expect(try ReplyImport(store: store).run(files: [file], at: Forum.stamp).recorded == 0)
    }

    @Test func aReplyToAnOlderSequenceDoesNotOverrideANewerOne() throws {
        let (store, dir) = try prepared()
        let new = try write(ITIPReplyTests.reply("ACCEPTED", sequence: 1), dir, "new.ics")
        let old = try write(ITIPReplyTests.reply("DECLINED", sequence: 0), dir, "old.ics")
        _ = try ReplyImport(store: store).run(files: [new, old], at: Forum.stamp)
        #expect(try store.answers().count == 2)
        #expect(try store.attendance().first { $0.session == "s-open" }!.accepted == 1)
        #expect(try store.declines().isEmpty)
    }

    @Test func aReplyInsideAMailMessageIsFound() throws {
        let (store, dir) = try prepared()
        let calendar = Array(ITIPReplyTests.reply("TENTATIVE").utf8)
        let eml = """
            From: claire.dubois@example.fr\r
            Subject: Tentative: Opening Plenary\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=UTF-8\r
            \r
            Maybe.\r
            --b1\r
            Content-Type: text/calendar; charset=UTF-8; method=REPLY\r
            Content-Transfer-Encoding: base64\r
            \r
            \(Data(calendar).base64EncodedString(options: .lineLength76Characters))\r
            --b1--\r

            """
        let file = try write(eml, dir, "reply.eml")
        _ = try ReplyImport(store: store).run(files: [file], at: Forum.stamp)
        #expect(try store.attendance().first { $0.session == "s-open" }!.tentative == 1)
    }

    @Test func unknownSessionsAndPeopleAreRefusedAndNothingIsStored() throws {
        let (store, dir) = try prepared()
        let good = try write(ITIPReplyTests.reply("ACCEPTED"), dir, "good.ics")
        let bad = try write(ITIPReplyTests.reply("ACCEPTED").replacingOccurrences(of: "Claire.Dubois@", with: "nobody@"), dir, "bad.ics")
        #expect(throws: MailError.self) { try ReplyImport(store: store).run(files: [good, bad], at: Forum.stamp) }
        #expect(try store.answers().isEmpty)
    }
}
