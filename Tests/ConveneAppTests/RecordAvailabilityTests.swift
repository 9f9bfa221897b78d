import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct RecordAvailabilityTests {
    func id(_ local: String) -> String { AvailabilityGrid.id(Forum.at(local)) }

    @discardableResult
    func record(_ store: Store, _ marks: [String: AvailabilityAnswer.Mark], person: String = "c-dubois", anyTime: Bool = false,
                note: String? = nil) throws -> ChangeOutcome {
        try ChangePipeline(store: store).recordAvailability(
            RecordAvailability(person: person, anyTime: anyTime, marks: marks, note: note, answeredAt: Forum.stamp), at: Forum.stamp)
    }

    /// The Tokyo day 09:00–18:00 is 01:00–10:00 in Paris: eighteen half-hour cells labelled on
    /// Claire's clock, all available and "at any time" until she answers.
    @Test(arguments: StoreKind.available) func theGridIsTheEventsDaysInThePersonsZone(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        let grid = try ChangePipeline(store: store).availabilityGrid(for: "c-dubois")
        #expect(grid.zone == "Europe/Paris" && grid.language == .en && grid.cellMinutes == 30)
        #expect(grid.days.map(\.date.iso8601) == ["2027-02-22"])
        #expect(grid.cells.count == 18)
        #expect(grid.cells.first?.label == "2027-02-22 01:00" && grid.cells.last?.endLabel == "10:00")
        #expect(grid.cells.first?.start.iso8601 == "2027-02-22T01:00:00+01:00")
        #expect(grid.cells.first?.id == "20270222T000000Z")
        #expect(grid.anyTime && grid.answeredAt == nil && grid.cells.allSatisfy { $0.mark == .available })
        #expect(throws: AppError.self) { try ChangePipeline(store: store).availabilityGrid(for: "nobody") }
    }

    /// Unavailable cells are hard: the opening at 09:30 now breaks a rule, and the answer is
    /// recorded anyway, as a fact, with the audit log saying who gave it. "If need be" is soft.
    @Test(arguments: StoreKind.available) func anAnswerIsAFactThatSchedulingConflictsAndTheGridUse(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let outcome = try record(store, [id("2027-02-22 09:30"): .unavailable, id("2027-02-22 10:00"): .ifNeedBe,
                                         id("2027-02-22 11:00"): .available], note: "  Mornings are hard.  ")
        #expect(outcome.saved != nil)
        #expect(outcome.proposal.added.map(\.kind) == [.personUnavailable])
        let audit = try #require(try store.auditLog().last)
        #expect(audit.action == "availability")
        #expect(audit.detail.contains("by the person, on their page: 1 unavailable span, 1 if-need-be span, with a note"))

        let current = try ChangePipeline(store: store).current()
        let claire = try #require(current.instance().people.first { $0.id == "c-dubois" })
        #expect(claire.unavailable.map(\.start) == [Forum.at("2027-02-22 09:30")])
        #expect(claire.ifNeedBe == [Interval(start: Forum.at("2027-02-22 10:00"), end: Forum.at("2027-02-22 10:30"))])
        #expect(current.ifNeedBe(at: Forum.place("s-open", "hall", "2027-02-22 10:00")) == ["c-dubois"])

        let grid = try ChangePipeline(store: store).availabilityGrid(for: "c-dubois")
        #expect(!grid.anyTime && grid.note == "Mornings are hard." && grid.answeredAt == Forum.stamp)
        #expect(grid.cells.filter { $0.mark != .available }.map { "\($0.label) \($0.mark.rawValue)" }
            == ["2027-02-22 01:30 unavailable", "2027-02-22 02:00 if-need-be"])

        // A new schedule keeps the opening out of both her unavailable and her if-need-be times.
        let solved = try ChangePipeline(store: store).apply(
            SolveSchedule(mode: .fromScratch, timeLimit: .seconds(2), seed: 1), force: false, reason: nil, at: Forum.stamp)
        let open = try #require(solved.saved?.version?.assignments.first { $0.session == "s-open" })
        let span = Interval(start: open.start, end: open.start.adding(minutes: 60))
        #expect(!span.overlaps(Interval(start: Forum.at("2027-02-22 09:30"), end: Forum.at("2027-02-22 10:30"))))
    }

    /// "At any time" keeps the marks but they weigh nothing; the same answer twice saves nothing;
    /// a cell the grid does not have is an error that names it, and nothing is saved.
    @Test(arguments: StoreKind.available) func anyTimeRepeatsAndUnknownCells(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try record(store, [id("2027-02-22 09:30"): .unavailable], anyTime: true)
        #expect(try ChangePipeline(store: store).current().instance().people.first { $0.id == "c-dubois" }?.unavailable == [])
        #expect(try record(store, [id("2027-02-22 09:30"): .unavailable], anyTime: true).saved == nil)
        #expect(throws: AppError("c-dubois's availability: no cell '20270222T000700Z' in the event's days (the plan changed? reload the page)")) {
            try record(store, ["20270222T000700Z": .unavailable])
        }
        #expect(throws: AppError.self) { try record(store, [:], person: "nobody") }
        #expect(try store.availabilitySaveCount() == 1)
    }

    /// Saves from several people at once, while a schedule is being saved, all land.
    @Test(arguments: StoreKind.available) func savesAtOnceLoseNothing(_ kind: StoreKind) async throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let people = ["p-sato", "c-dubois", "i-kim", "g-tanaka"]
        let marks = [id("2027-02-22 17:00"): AvailabilityAnswer.Mark.ifNeedBe]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for person in people {
                group.addTask { _ = try record(store, marks, person: person) }
                group.addTask { _ = try record(store, marks, person: person, note: "again") }
            }
            group.addTask { _ = try Forum.draft(store, [Forum.place("s-open", "hall", "2027-02-22 11:00")]) }
            try await group.waitForAll()
        }
        #expect(try store.availabilitySaveCount() == 8)
        #expect(try Set(store.availabilityAnswers().keys) == Set(people))
    }
}
