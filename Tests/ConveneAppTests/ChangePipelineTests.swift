import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct ChangePipelineTests {
    func local(_ text: String) -> LocalDateTime { LocalDateTime.parse(text)! }

    @Test(arguments: StoreKind.available) func aChangeThatChangesNothingSavesNothing(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let pipeline = ChangePipeline(store: store)
        let audit = try store.auditLog().count
        let outcome = try pipeline.apply(MoveSession(session: "s-open", room: "hall", start: local("2027-02-22 09:30")),
                                         force: false, reason: nil, at: Forum.stamp)
        #expect(outcome.saved == nil && outcome.proposal.isEmpty)
        #expect(outcome.proposal.unchanged.contains("is already in Main Hall, 2027-02-22 09:30–10:30"))
        #expect(try store.history().count == 1 && store.auditLog().count == audit)
        // Pinning where a session is makes no version, and pinning it there again nothing at all.
        let pinned = try pipeline.apply(PinSession(session: "s-open"), force: false, reason: nil, at: Forum.stamp)
        #expect(pinned.saved != nil && pinned.saved?.version == nil)
        #expect(try pipeline.apply(PinSession(session: "s-open"), force: false, reason: nil, at: Forum.stamp).saved == nil)
        #expect(try store.history().count == 1)
    }

    @Test(arguments: StoreKind.available) func aMoveThatAddsAConflictIsRefusedUnlessForced(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let pipeline = ChangePipeline(store: store)
        let clash = MoveSession(session: "s-panel", room: "hall", start: local("2027-02-22 09:30"))
        #expect(throws: ChangeRefused.self) { try pipeline.apply(clash, force: false, reason: nil, at: Forum.stamp) }
        #expect(try store.history().count == 1)
        let forced = try pipeline.apply(clash, force: true, reason: "one room only", at: Forum.stamp)
        #expect(forced.saved?.version?.number == 2)
        #expect(try store.auditLog().last?.detail.contains("accepted conflicts: room-double-booked") == true)
    }

    @Test(arguments: StoreKind.available) func anUndoThatBringsBackAConflictIsRefusedUnlessForced(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let pipeline = ChangePipeline(store: store)
        // Pinned somewhere else: version 2 holds the pin; version 1 does not.
        try pipeline.apply(PinSession(session: "s-open", room: "room-1", start: local("2027-02-22 11:00")),
                           force: false, reason: nil, at: Forum.stamp)
        #expect(try store.history().count == 2)
        do {
            try pipeline.apply(UndoLastChange(), force: false, reason: nil, at: Forum.stamp)
            Issue.record("the undo was saved")
        } catch let refused as ChangeRefused {
            #expect(refused.conflicts.map(\.kind) == [.pinMoved])
            // The refusal says which version the undo would have brought back.
            #expect(refused.description.hasPrefix("error: refused: the change (restores version 1 (undoes version 2)) adds 1 conflict:"),
                    "\(refused)")
        }
        #expect(try store.history().count == 2)
        let forced = try pipeline.apply(UndoLastChange(), force: true, reason: "back for now", at: Forum.stamp)
        #expect(forced.saved?.version?.number == 3)
        #expect(try store.restoredVersions() == [3: 1])
        #expect(try store.auditLog().last?.detail.contains("restores version 1 (undoes version 2); accepted conflicts: pin-moved") == true)
    }

    @Test(arguments: StoreKind.available) func aMoveWithoutARoomKeepsTheSessionsRoom(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let pipeline = ChangePipeline(store: store)
        let later = try pipeline.apply(MoveSession(session: "s-panel", room: nil, start: local("2027-02-22 14:00")),
                                       force: false, reason: nil, at: Forum.stamp)
        #expect(later.saved?.version?.number == 2)
        #expect(try store.currentSchedule()?.assignments.first { $0.session == "s-panel" }
            == Forum.place("s-panel", "room-1", "2027-02-22 14:00"))
        // Off the schedule, a session has no room to keep.
        try pipeline.apply(UnscheduleSession(session: "s-panel"), force: false, reason: nil, at: Forum.stamp)
        let refused = #expect(throws: AppError.self) {
            try pipeline.apply(MoveSession(session: "s-panel", room: nil, start: local("2027-02-22 14:00")),
                               force: false, reason: nil, at: Forum.stamp)
        }
        #expect(refused?.message.hasSuffix("(s-panel) is not scheduled: give --room to place it") == true, "\(String(describing: refused))")
    }

    @Test(arguments: StoreKind.available) func undoStepsFurtherBackEachTime(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        let v1 = try Forum.draft(store).assignments
        var v2 = v1
        v2[0].start = Forum.at("2027-02-22 11:00")
        try Forum.draft(store, v2)
        var v3 = v2
        v3[1].start = Forum.at("2027-02-22 15:00")
        try Forum.draft(store, v3)
        let pipeline = ChangePipeline(store: store)
        let first = try pipeline.apply(UndoLastChange(), force: false, reason: "oops", at: Forum.stamp)
        #expect(first.proposal.notes == ["restores version 2 (undoes version 3)"])
        #expect(Set(try store.currentSchedule()!.assignments) == Set(v2))
        let second = try pipeline.apply(UndoLastChange(), force: false, reason: nil, at: Forum.stamp)
        #expect(second.proposal.notes == ["restores version 1 (undoes version 2)"])
        #expect(Set(try store.currentSchedule()!.assignments) == Set(v1))
        #expect(throws: AppError("nothing to undo: version 1 is the first schedule")) {
            try pipeline.apply(UndoLastChange(), force: false, reason: nil, at: Forum.stamp)
        }
        #expect(try store.history().map(\.command) == ["schedule", "schedule", "schedule", "undo", "undo"])
        #expect(try store.restoredVersions() == [4: 2, 5: 1])
    }

    /// A move worked out while another process saves a version: as `convene move` in a race.
    struct RacingMove: Change {
        var move: MoveSession
        var command: String { move.command }

        func propose(_ context: ChangeContext) throws -> ProposedChange {
            let change = try move.propose(context)
            try Forum.draft(context.store, [], at: Forum.stamp)
            return change
        }
    }

    @Test(arguments: StoreKind.available) func aChangeWorkedOutWhileAnotherWasSavedSavesNothing(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let race = RacingMove(move: MoveSession(session: "s-open", room: "hall", start: local("2027-02-22 11:00")))
        #expect(throws: StoreError.self) {
            try ChangePipeline(store: store).apply(race, force: false, reason: nil, at: Forum.stamp)
        }
        // Only the other process's version is there.
        #expect(try store.history().count == 2 && store.currentSchedule()?.assignments.isEmpty == true)
    }

    /// A solve during which another process imports the plan again (the hall is gone), as `convene
    /// schedule` racing `convene import`: the draft was judged against a plan no longer true.
    struct SolveRacingImport: Change {
        var solve = SolveSchedule(mode: .fromScratch, timeLimit: .milliseconds(200), seed: 1)
        var command: String { solve.command }

        func propose(_ context: ChangeContext) throws -> ProposedChange {
            let change = try solve.propose(context)
            var event = Forum.event
            event.rooms.removeFirst()
            // Another process: its own connection to the same file.
            try context.store.openedAgain().save(ChangeRecord(
                basedOn: try context.store.currentSchedule()?.number, facts: try context.store.factsRevision(),
                command: "import", detail: "", plan: ChangeRecord.Plan(event: event, file: "plan.yaml", busy: [:])),
                at: Forum.stamp)
            return change
        }
    }

    @Test(arguments: StoreKind.available) func aSolveWorkedOutWhileThePlanWasImportedAgainSavesNothing(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let facts = try store.factsRevision()
        let error = try #require(throws: StoreError.self) {
            try ChangePipeline(store: store).apply(SolveRacingImport(), force: true, reason: nil, at: Forum.stamp)
        }
        #expect(error.message.contains("the plan, calendars, answers or pins changed"))
        #expect(error.message.contains("nothing was saved, run the command again"))
        // The import stands, and the draft is still the one made before it: no version judged against the old plan.
        #expect(try store.factsRevision() == facts + 1 && store.event()?.rooms.map(\.id) == ["room-1"])
        #expect(try store.history().count == 1)
    }

    /// Answers recorded while a publish was worked out refuse it too: its mail was worked out without them.
    @Test(arguments: StoreKind.available) func aPublishWorkedOutBeforeAnAnswerWasRecordedPublishesNothing(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let publisher = Publisher(store: store)
        let plan = try publisher.plan(at: Forum.stamp)
        try store.save(ChangeRecord(basedOn: 1, facts: try store.factsRevision(), command: "rsvp import", detail: "",
                                    answers: [RSVPAnswer(person: "c-dubois", session: "s-open", sequence: 0, answer: .declined,
                                                         repliedAt: nil, source: "r.ics")]), at: Forum.stamp)
        #expect(throws: StoreError.self) { try publisher.publish(plan, force: true, reason: nil) }
        #expect(try store.releases().isEmpty && store.outbox().isEmpty)
        // Worked out again, it publishes.
        try publisher.publish(try publisher.plan(at: Forum.stamp), force: true, reason: nil)
        #expect(try store.releases().count == 1)
    }

    @Test(arguments: StoreKind.available) func undoWithoutAScheduleSaysSo(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        #expect(throws: AppError("there is no schedule to undo (run `convene schedule` first)")) {
            try ChangePipeline(store: store).apply(UndoLastChange(), force: false, reason: nil, at: Forum.stamp)
        }
    }

    @Test func theCurrentStateJudgesTheScheduleWithPinsAndDeclines() throws {
        var state = CurrentSchedule(plan: Forum.event, pins: ["s-panel": Session.Pin(room: "hall", start: Forum.at("2027-02-22 13:00"))],
                                    busy: [:], answers: [], draft: ScheduleVersion(number: 1, createdAt: Forum.stamp, command: "t",
                                                                                    assignments: Forum.schedule))
        state.answers = [RSVPAnswer(person: "c-dubois", session: "s-open", sequence: 0, answer: .declined, repliedAt: nil,
                                    source: "r.ics", room: "hall", start: Forum.at("2027-02-22 09:30"))]
        #expect(state.conflicts.map(\.kind) == [.declined, .pinMoved])
        let fixed = state.propose([Forum.place("s-open", "hall", "2027-02-22 10:30"), Forum.place("s-panel", "hall", "2027-02-22 13:00")],
                                  command: "move")
        #expect(fixed.added.isEmpty)
        // The decline was for 09:30; at 10:30 Claire has not answered.
        #expect(fixed.resolved.map(\.kind) == [.declined, .pinMoved])
        #expect(fixed.diff.changes.count == 2)
    }

    /// Every plan field survives the database (series, breaks and apart sets included), so the
    /// stored plan is the one read from the file and a second import of it saves nothing.
    @Test(arguments: StoreKind.available, [("rare-cancers-forum-2027", 87), ("tokyo-symposium-2027", nil),
                                           ("hamamatsucho-seminars-2027", nil), ("rare-disease-day-2027", nil)])
    func reimportingTheSamePlanSavesNothing(_ kind: StoreKind, _ example: (name: String, added: Int?)) throws {
        let (name, added) = example
        let tmp = try kind.fresh()
        let store = try tmp.open()
        let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("calendars/\(name)/plan.yaml").path
        let pipeline = ChangePipeline(store: store)
        let importing = try ImportPlan(path: plan)
        let first = try pipeline.apply(importing, force: false, reason: nil, at: Forum.stamp)
        if let added { #expect(first.saved?.imported?.added == added) }
        #expect(try store.event() == importing.plan.event)
        let again = try pipeline.apply(try ImportPlan(path: plan), force: false, reason: nil, at: Forum.stamp)
        #expect(again.saved == nil)
        #expect(try store.auditLog().count == 1)
    }
}
