import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct RecordRepliesTests {
    func prepared(_ kind: StoreKind = .sqlite) throws -> (Store, String) { try Forum.delivered(on: kind) }

    @discardableResult
    func record(_ store: Store, _ files: [String]) throws -> ChangeOutcome { try Forum.record(store, files) }

    func attendance(_ store: Store, _ session: String = "s-open") throws -> SessionAttendance {
        let current = try ChangePipeline(store: store).current()
        return SessionAttendance.all(event: current.event, answers: current.answers, schedule: current.draft?.assignments ?? [])
            .first { $0.session == session }!
    }

    @Test(arguments: StoreKind.available) func aDeclineFromARequiredPersonBecomesAConflictWithItsComment(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let file = try Forum.write(Forum.reply("DECLINED", comment: "I am in Lyon that week"), dir, "reply.ics")
        let outcome = try record(store, [file])
        #expect(outcome.saved?.answers == 1)
        #expect(outcome.proposal.added.map(\.kind) == [.declined])
        #expect(outcome.proposal.notes == ["\(file): c-dubois declined s-open (SEQUENCE 0) for Main Hall, 2027-02-22 09:30–10:30: \"I am in Lyon that week\" (a file given by the organizer)"])
        let stored = try #require(try store.answers().first)
        #expect(stored.comment == "I am in Lyon that week" && stored.room == "hall" && stored.start == Forum.at("2027-02-22 09:30"))
        let open = try attendance(store)
        #expect(open.declined == 1 && open.noAnswer == 2)
        #expect(open.participants.first { $0.person == "c-dubois" }?.comment == "I am in Lyon that week")
        #expect(try ChangePipeline(store: store).current().conflicts.contains { $0.kind == .declined && $0.people == ["c-dubois"] })
        // The same file again records nothing new.
        #expect(try record(store, [file]).saved == nil)
    }

    @Test(arguments: StoreKind.available) func aDeclineHoldsForItsTimeAndRoomAcrossUnscheduleAndUndo(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        try record(store, [try Forum.write(Forum.reply("DECLINED"), dir, "reply.ics")])
        let pipeline = ChangePipeline(store: store)
        // Off the schedule: the decline is not in force, and still shown.
        try pipeline.apply(UnscheduleSession(session: "s-open"), force: false, reason: nil, at: Forum.stamp)
        var open = try attendance(store)
        #expect(open.declined == 0 && open.participants.first { $0.person == "c-dubois" }?.earlier?.answer == .declined)
        #expect(try pipeline.current().conflicts.isEmpty)
        // Back in the identical slot: in force again, so the undo brings back a conflict and is refused.
        #expect(throws: ChangeRefused.self) { try pipeline.apply(UndoLastChange(), force: false, reason: nil, at: Forum.stamp) }
        try pipeline.apply(UndoLastChange(), force: true, reason: nil, at: Forum.stamp)
        open = try attendance(store)
        #expect(open.declined == 1 && open.participants.first { $0.person == "c-dubois" }?.earlier == nil)
        #expect(try pipeline.current().conflicts.map(\.kind) == [.declined])
        // Moved elsewhere the decline lapses; moving back is refused for it.
        let elsewhere = MoveSession(session: "s-open", room: "hall", start: LocalDateTime.parse("2027-02-22 11:00")!)
        let moved = try pipeline.apply(elsewhere, force: false, reason: nil, at: Forum.stamp)
        #expect(moved.proposal.resolved.map(\.kind) == [.declined])
        let back = MoveSession(session: "s-open", room: "hall", start: LocalDateTime.parse("2027-02-22 09:30")!)
        #expect(throws: ChangeRefused.self) { try pipeline.apply(back, force: false, reason: nil, at: Forum.stamp) }
    }

    @Test(arguments: StoreKind.available) func anAnswerForAnotherTimeDoesNotCountWhereTheSessionIsNow(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        var moved = Forum.schedule
        moved[0].start = Forum.at("2027-02-22 11:00")
        try Forum.draft(store, moved)
        try Forum.publish(store, at: Forum.stamp.adding(minutes: 1))
        try Forum.deliver(store, to: dir + "/out")
        // Claire accepted the new time (SEQUENCE 1) and, late, declined the old one (SEQUENCE 0).
        let new = try Forum.write(Forum.reply("ACCEPTED", sequence: 1), dir, "new.ics")
        let old = try Forum.write(Forum.reply("DECLINED", sequence: 0), dir, "old.ics")
        try record(store, [new, old])
        #expect(try store.answers().count == 2)
        let open = try attendance(store)
        #expect(open.accepted == 1 && open.declined == 0)
        #expect(try ChangePipeline(store: store).current().conflicts.isEmpty)
    }

    @Test(arguments: StoreKind.available) func aReplyInsideAMailMessageIsFound(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let calendar = Array(Forum.reply("TENTATIVE").utf8)
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
        try record(store, [try Forum.write(eml, dir, "reply.eml")])
        #expect(try attendance(store).tentative == 1)
    }

    @Test(arguments: StoreKind.available) func unknownSessionsAndPeopleAreRefusedAndNothingIsStored(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let good = try Forum.write(Forum.reply("ACCEPTED"), dir, "good.ics")
        let bad = try Forum.write(Forum.reply("ACCEPTED", attendee: "nobody@example.fr"), dir, "bad.ics")
        #expect(throws: AppError.self) { try record(store, [good, bad]) }
        let unknown = try Forum.write(Forum.reply("ACCEPTED", session: "s-gone"), dir, "unknown.ics")
        #expect(throws: AppError.self) { try record(store, [unknown]) }
        #expect(try store.answers().isEmpty)
    }
}
