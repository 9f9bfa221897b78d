import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import GRDB

/// A fresh database file in a temporary folder, removed afterwards.
final class TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("convene.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

func at(_ text: String) -> Instant { Instant(iso8601: text)! }

func sampleEvent(sessions: [String] = ["s-1", "s-2"], title: String = "One") -> Event {
    let opens = at("2027-02-22T09:00:00+09:00")
    return Event(
        id: "demo", name: LocalizedText(en: "Demo"), kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
        days: [EventDay(date: LocalDate(year: 2027, month: 2, day: 22), opens: opens, closes: opens.adding(minutes: 540))],
        organizer: Organizer(name: "Office", email: "office@example.org"),
        rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"), capacity: 100)],
        stakeholders: [Stakeholder(id: "p-a", name: "A", email: "a@example.org", group: .patient, timeZone: "Asia/Tokyo", language: .ja)],
        sessions: sessions.map { Session(id: $0, title: LocalizedText(en: $0 == "s-1" ? title : $0), kind: .seminar, duration: 60, required: ["p-a"]) })
}

/// The sample event imported twice into one store, as `forum` and `seminar` (same rooms, people and
/// sessions ids on purpose).
func twoEventStore() throws -> (TemporaryDatabase, Store) {
    let tmp = try TemporaryDatabase()
    let store = try Store(path: tmp.path)
    for id in ["forum", "seminar"] {
        var event = sampleEvent()
        event.id = id
        try store.scoped(to: id).importPlan(event, planFile: "\(id).yaml", at: at("2027-01-01T00:00:00Z"))
    }
    return (tmp, store)
}

struct StoreTests {
    @Test func migratesAFreshFileInWALMode() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        let mode = try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let fk = try store.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(fk == 1)
        let applied = try #require(store.backend as? SQLiteBackend).pool.read { try Migrations.migrator.appliedMigrations($0) }
        #expect(applied.first == "v1-plan-and-schedule")
        // Opening again migrates nothing and keeps the data.
        _ = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(try Store(path: tmp.path).status().sessions == 2)
    }

    @Test(arguments: StoreKind.available) func reimportUpdatesByIdAndKeepsHistory(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let first = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(first.added == 4)
        let start = at("2027-02-22T09:00:00+09:00")
        try store.saveSchedule(
            assignments: [Assignment(session: "s-1", room: "hall", start: start)],
            unscheduled: [Solution.Unscheduled(session: "s-2", reason: "no room")],
            score: Score(unscheduled: 1, soft: 0), at: at("2027-01-01T00:01:00Z"))
        let second = try store.importPlan(sampleEvent(sessions: ["s-1", "s-3"], title: "One, renamed"), planFile: "plan.yaml",
                                          at: at("2027-01-02T00:00:00Z"))
        #expect(second.added == 1)
        #expect(second.updated == 1)
        #expect(second.removed == 1)
        #expect(second.unchanged == 2)
        let event = try #require(try store.event())
        #expect(event.sessions.map(\.id) == ["s-1", "s-3"])
        #expect(event.sessions[0].title.en == "One, renamed")
        #expect(try store.removedSessions().map(\.session.id) == ["s-2"])
        #expect(try store.removedSessions().first?.removedAt == at("2027-01-02T00:00:00Z"))
        let current = try #require(try store.currentSchedule())
        #expect(current.number == 1)
        #expect(current.assignments == [Assignment(session: "s-1", room: "hall", start: start)])
        #expect(current.score == Score(unscheduled: 1, soft: 0))
        #expect(try store.history().count == 1)
        #expect(try store.auditLog().map(\.action) == ["import", "schedule", "import"])
        #expect(try store.auditLog().last?.detail == "plan.yaml: 1 added, 1 updated, 1 removed, 0 busy periods")
        // The removed session is neither scheduled nor left out any more.
        let status = try store.status()
        #expect((status.sessions, status.scheduled, status.unscheduled, status.removedSessions) == (2, 1, 1, 1))
    }

    @Test(arguments: StoreKind.available) func failedImportLeavesTheFileAsItWas(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        _ = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        let statusBefore = try store.status()
        // Busy times for a person the plan does not list break a foreign key after every other row was written.
        let bad = ["p-nobody": [BusyPeriod(interval: Interval(start: at("2027-02-22T00:00:00Z"), end: at("2027-02-22T01:00:00Z")))]]
        #expect(throws: StoreError.self) {
            try store.importPlan(sampleEvent(sessions: ["s-9"], title: "x"), planFile: "other.yaml", busy: bad,
                                 at: at("2027-01-03T00:00:00Z"))
        }
        #expect(try store.status() == statusBefore)
        #expect(try store.event()?.sessions.map(\.id) == ["s-1", "s-2"])
        #expect(try store.planFile() == "plan.yaml")
        #expect(try store.auditLog().count == 1)
        // Another event is added beside it; the store then needs to be told which event it works on.
        var other = sampleEvent()
        other.id = "another"
        #expect(try store.scoped(to: "another").importPlan(other, planFile: "p.yaml", at: at("2027-01-03T00:00:00Z")).added == 4)
        #expect(try store.eventIDs() == ["another", "demo"])
        #expect(throws: StoreError("the store holds 2 events: another, demo; give --event ID")) { try store.status() }
        #expect(try store.scoped(to: "demo").status() == statusBefore)
    }

    @Test(arguments: StoreKind.available) func busyPeriodsKeepTheirSource(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let period = BusyPeriod(interval: Interval(start: at("2027-02-22T00:00:00Z"), end: at("2027-02-22T01:00:00Z")),
                                strength: .tentative, summary: "Board meeting", source: "a.ics")
        let s = try store.importPlan(sampleEvent(), planFile: "plan.yaml", busy: ["p-a": [period]], at: at("2027-01-01T00:00:00Z"))
        #expect(s.busyPeriods == 1)
        #expect(try store.busy() == ["p-a": [period]])
    }

    @Test(arguments: StoreKind.available) func scheduleNamingAnUnknownSessionIsRefused(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        _ = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(throws: StoreError.self) {
            try store.saveSchedule(assignments: [Assignment(session: "s-x", room: "hall", start: at("2027-02-22T00:00:00Z"))],
                                   at: at("2027-01-01T00:00:00Z"))
        }
        #expect(try store.currentSchedule() == nil)
        #expect(try store.auditLog().count == 1)
    }

    /// The people a schedule picks keep their order, and the version keeps its lower bound; a pick
    /// of someone the plan does not list is refused, saving nothing.
    @Test(arguments: StoreKind.available) func picksAndLowerBoundsRoundTrip(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        var event = sampleEvent()
        event.stakeholders += ["p-c", "p-b"].map {
            Stakeholder(id: $0, name: $0, email: "\($0)@example.org", group: .industry, timeZone: "Europe/Paris", language: .en)
        }
        _ = try store.importPlan(event, planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        let placed = [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"), picked: ["p-c", "p-b"]),
                      Assignment(session: "s-2", room: "hall", start: at("2027-02-22T10:00:00+09:00"))]
        let saved = try store.save(ChangeRecord(basedOn: nil, command: "schedule", detail: "", version: ChangeRecord.Version(
            assignments: placed, unscheduled: [], score: Score(unscheduled: 0, soft: 4), lowerBound: Score(unscheduled: 0, soft: 1))),
                                   at: at("2027-01-01T00:00:00Z")).version
        let read = try #require(try store.currentSchedule())
        #expect(read == saved)
        #expect(read.assignment(of: "s-1")?.picked == ["p-c", "p-b"])
        #expect(read.lowerBound == Score(unscheduled: 0, soft: 1))
        #expect(try store.history() == [read])
        #expect(try store.status().lowerBound == Score(unscheduled: 0, soft: 1))
        #expect(read.scoreText == "unscheduled priority 0, all unavoidable; soft 4, at least 1 unavoidable")
        #expect(throws: StoreError("schedule picks unknown person 'p-nobody' for 's-1'")) {
            try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"),
                                                            picked: ["p-nobody"])], at: at("2027-01-01T00:00:00Z"))
        }
        #expect(try store.history().count == 1)
    }

    @Test func notADatabaseIsAClearError() throws {
        let tmp = try TemporaryDatabase()
        try Data("hello, not sqlite".utf8).write(to: URL(fileURLWithPath: tmp.path))
        #expect(throws: StoreError.self) { try Store(path: tmp.path) }
    }
}
