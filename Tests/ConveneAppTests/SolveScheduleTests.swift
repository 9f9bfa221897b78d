import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct SolveScheduleTests {
    /// A required person's decline in force is a hard rule for `reschedule`: the declined session moves
    /// to a spot without conflict, and nothing else moves.
    @Test func rescheduleMovesADeclinedSessionAndOnlyIt() throws {
        let (store, _) = try Forum.store()
        let draft = try Forum.draft(store)
        let no = RSVPAnswer(person: "c-dubois", session: "s-open", sequence: 0, answer: .declined, repliedAt: nil, source: "r.ics",
                            room: "hall", start: Forum.at("2027-02-22 09:30"))
        try store.save(ChangeRecord(basedOn: draft.number, command: "answers", detail: "", answers: [no]), at: Forum.stamp)
        let pipeline = ChangePipeline(store: store)
        #expect(try pipeline.current().conflicts.map(\.kind) == [.declined])

        let outcome = try pipeline.apply(SolveSchedule(mode: .keepingDraft, timeLimit: .seconds(2), seed: 7),
                                         force: false, reason: nil, at: Forum.stamp)
        #expect(outcome.saved?.version != nil)
        #expect(outcome.proposal.resolved.map(\.kind) == [.declined])
        #expect(try pipeline.current().conflicts.isEmpty)
        let now = try #require(try store.currentSchedule()).assignments
        #expect(now.contains(Forum.schedule[1]))
        let open = try #require(now.first { $0.session == "s-open" })
        #expect(!(open.room == "hall" && open.start == Forum.at("2027-02-22 09:30")))
        #expect(outcome.proposal.diff.changes.count == 1)
    }

    /// A version's score is the rule book's score of its schedule against the plan's instance, `moved`
    /// counted against `previously:`: what `compile` → `solve` → `validate` gives.
    @Test func aVersionsScoreCountsMovesFromPreviously() throws {
        var event = Forum.event
        event.sessions[0].previously = Session.Pin(room: "hall", start: Forum.at("2027-02-22 09:00"))
        let current = CurrentSchedule(plan: event, busy: [:], draft: nil)
        let change = current.propose(Forum.schedule, command: "move")
        let instance = event.instance(previous: event.previousSchedule)
        let validated = RuleBook.validate(instance, Solution(instance: instance.name, assignments: Forum.schedule, unscheduled: []))
        #expect(validated.score == Score(unscheduled: 0, soft: 5))
        #expect(change.schedule?.score == validated.score)
    }
}
