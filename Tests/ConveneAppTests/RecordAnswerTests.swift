import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct RecordAnswerTests {
    func prepared(_ kind: StoreKind = .sqlite) throws -> Store { try Forum.published(on: kind).0 }

    @discardableResult
    func say(_ store: Store, _ answer: RSVPAnswer.Answer, _ comment: String? = nil, person: String = "c-dubois",
             session: String = "s-open", channel: RecordAnswer.Channel = .organizer) throws -> ChangeOutcome {
        try ChangePipeline(store: store).apply(
            try RecordAnswer(person: person, session: session, answer: answer, comment: comment, channel: channel, at: Forum.stamp),
            force: false, reason: nil, at: Forum.stamp)
    }

    func attendance(_ store: Store) throws -> SessionAttendance {
        let current = try ChangePipeline(store: store).current()
        return SessionAttendance.all(event: current.event, answers: current.answers, schedule: current.draft?.assignments ?? [])
            .first { $0.session == "s-open" }!
    }

    @Test(arguments: StoreKind.available) func aDeclineInWordsIsStoredAsARepliesAreAndIsAConflict(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        let outcome = try say(store, .declined, "I am in Lyon that week")
        #expect(outcome.saved?.answers == 1)
        #expect(outcome.proposal.added.map(\.kind) == [.declined])
        let stored = try #require(try store.answers().first)
        #expect(stored.room == "hall" && stored.start == Forum.at("2027-02-22 09:30") && stored.sequence == 0)
        #expect(stored.source == "in words" && stored.comment == "I am in Lyon that week")
        let open = try attendance(store)
        #expect(open.declined == 1 && open.participants.first { $0.person == "c-dubois" }?.comment == "I am in Lyon that week")
        #expect(try store.auditLog().last?.command == "rsvp set")
        // Said again, nothing new is stored; a changed mind is.
        #expect(try say(store, .declined, "I am in Lyon that week").saved == nil)
        let accepted = try say(store, .accepted)
        #expect(accepted.proposal.resolved.map(\.kind) == [.declined])
        #expect(try attendance(store).accepted == 1)
    }

    @Test(arguments: StoreKind.available) func anAnswerOnThePageSaysSoInTheAuditLogAndHoldsForItsTimeOnly(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        try say(store, .declined, channel: .page)
        let entry = try #require(try store.auditLog().last)
        #expect(entry.command == "page" && entry.detail.contains("by the person, on their page"))
        let elsewhere = MoveSession(session: "s-open", room: "hall", start: LocalDateTime.parse("2027-02-22 11:00")!)
        let moved = try ChangePipeline(store: store).apply(elsewhere, force: false, reason: nil, at: Forum.stamp)
        #expect(moved.proposal.resolved.map(\.kind) == [.declined])
    }

    @Test(arguments: StoreKind.available) func unknownPeopleUnpublishedSessionsAndBadCommentsAreRefused(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        #expect(throws: AppError.self) { try say(store, .accepted, person: "nobody") }
        #expect(throws: AppError.self) { try say(store, .accepted, session: "s-gone") }
        #expect(throws: AppError.self) { try say(store, .accepted, "a\u{7}bell") }
        #expect(throws: AppError.self) { try say(store, .accepted, String(repeating: "x", count: 1_001)) }
        let (unpublished, _) = try Forum.store(on: kind)
        try Forum.draft(unpublished)
        #expect(throws: AppError.self) { try say(unpublished, .accepted) }
        #expect(try store.answers().isEmpty && unpublished.answers().isEmpty)
    }

    @Test(arguments: StoreKind.available) func anAnswerRacingAScheduleSavedElsewhereIsWorkedOutAgainNotLost(_ kind: StoreKind) throws {
        let store = try prepared(kind)
        let other = try store.openedAgain()
        let answer = try RecordAnswer(person: "c-dubois", session: "s-open", answer: .declined, comment: nil, channel: .page,
                                      at: Forum.stamp)
        let pipeline = ChangePipeline(store: store)
        #expect(throws: StoreError.self) { try pipeline.apply(Racing(inner: answer, other: other), force: false, reason: nil, at: Forum.stamp) }
        #expect(try store.answers().isEmpty)
        let outcome = try pipeline.record(Racing(inner: answer, other: other), at: Forum.stamp)
        #expect(outcome.saved?.answers == 1)
        #expect(try store.answers().count == 1)
    }
}

/// A change during whose working-out another connection saves a new draft, once, as another process may.
private struct Racing: Change {
    final class Once: @unchecked Sendable { var fired = false }
    let inner: RecordAnswer
    let other: Store
    let once = Once()

    var command: String { inner.command }

    func propose(_ context: ChangeContext) throws -> ProposedChange {
        let proposal = try inner.propose(context)
        if !once.fired {
            once.fired = true
            try Forum.draft(other)
        }
        return proposal
    }
}
