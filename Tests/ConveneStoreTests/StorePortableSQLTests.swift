import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// The store's statements are written once for SQLite and PostgreSQL: what the store sends to the
/// database, run for real on SQLite, holds none of SQLite's own dialect.
struct StorePortableSQLTests {
    /// SQLite's own forms, each with the portable one the store writes instead.
    static let sqliteOnly: [(pattern: String, instead: String)] = [
        (#"\bIS\s+(NOT\s+)?\?"#, "IS NOT DISTINCT FROM ? (or = ? on a NOT NULL column)"),
        (#"\bIFNULL\s*\("#, "COALESCE"),
        (#"\bINSERT\s+OR\s+"#, "INSERT … ON CONFLICT"),
        (#"\?[0-9]"#, "plain ? placeholders"),
        (#"\b(typeof|group_concat|printf)\s*\("#, "functions both databases have"),
        (#"\b(WHERE|AND|OR)\s+1\b"#, "a condition, not a number"),
        (#"\bMAX\s*\(([^()]|\([^()]*\))*,"#, "CASE, or max() in Swift"),
        (#"\bsqlite_"#, "tables both databases have"),
    ]

    /// What in `sql` is SQLite's alone, as the portable forms to use instead.
    static func sqliteOnlyForms(in sql: String) -> [String] {
        sqliteOnly.compactMap { rule in
            sql.range(of: rule.pattern, options: [.regularExpression, .caseInsensitive]) == nil ? nil : rule.instead
        }
    }

    @Test func theCheckFindsSQLitesOwnForms() {
        #expect(Self.sqliteOnlyForms(in: "SELECT MAX(number) FROM schedule_version WHERE event_id IS ?") == [
            "IS NOT DISTINCT FROM ? (or = ? on a NOT NULL column)"])
        #expect(Self.sqliteOnlyForms(in: "SELECT COUNT(*) FROM room WHERE event_id IS ? AND 1").count == 2)
        #expect(Self.sqliteOnlyForms(in: "SELECT MAX(IFNULL(seq, 0), 1) FROM sqlite_sequence").count == 3)
        #expect(Self.sqliteOnlyForms(in: "SELECT * FROM facts_revision WHERE event_id IS NOT DISTINCT FROM ?").isEmpty)
        #expect(Self.sqliteOnlyForms(in: "SELECT MAX(number) FROM schedule_release WHERE event_id = ?").isEmpty)
        #expect(Self.sqliteOnlyForms(in: "SELECT MAX(COALESCE(a, b)) FROM t").isEmpty)
    }

    /// Plans, versions, pins, undo, answers, releases, status and the audit log, through a store whose
    /// every statement is kept.
    @Test func plansSchedulesPinsReleasesAndStatusSpeakBothDatabases() throws {
        let statements = try RecordingBackend.statements(of: Self.exercise)
        #expect(statements.count > 50)
        for sql in statements {
            #expect(Self.sqliteOnlyForms(in: sql).isEmpty, "\(sql)")
        }
    }

    /// A plan imported twice, two versions (one an undo), a pin and its removal, an availability
    /// answer and a release, each written and read back through `store`.
    static func exercise(_ store: Store) throws {
        let start = at("2027-02-22T09:00:00+09:00")
        let busy = [BusyPeriod(interval: Interval(start: start, end: start.adding(minutes: 30)), strength: .busy, summary: nil,
                               source: "a.ics")]
        try store.importPlan(sampleEvent(sessions: ["s-1", "s-2", "s-3"]), planFile: "plan.yaml", busy: ["p-a": busy],
                             at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start, picked: ["p-a"])],
                               unscheduled: [.init(session: "s-2", reason: "no room")], score: Score(unscheduled: 1, soft: 0),
                               at: at("2027-01-01T00:01:00Z"))
        try store.save(ChangeRecord(basedOn: 1, facts: try store.factsRevision(), command: "pin", detail: "",
                                    pin: .pin(session: "s-1", room: "hall", start: start)), at: at("2027-01-01T00:02:00Z"))
        try store.save(ChangeRecord(basedOn: 1, command: "unpin", detail: "", pin: .unpin(session: "s-1")), at: at("2027-01-01T00:03:00Z"))
        try store.save(ChangeRecord(basedOn: 1, command: "availability", detail: "", availability: [
            AvailabilityAnswer(person: "p-a", anyTime: true, cells: [], note: "any day", answeredAt: at("2027-01-01T00:04:00Z"))]),
                       at: at("2027-01-01T00:04:00Z"))
        try store.save(ChangeRecord(basedOn: 1, command: "undo", detail: "", version: ChangeRecord.Version(
            assignments: [Assignment(session: "s-1", room: "hall", start: start)], unscheduled: [], score: nil, restores: 1)),
                       at: at("2027-01-01T00:05:00Z"))
        #expect(try store.nextReleaseNumber() == 1)
        try store.publish(PublishRecord(version: 2, after: nil, reason: "first", detail: "", supersede: [], queue: []),
                          at: at("2027-01-01T00:06:00Z"))
        try store.importPlan(sampleEvent(sessions: ["s-1", "s-2"]), planFile: "plan.yaml", busy: ["p-a": busy],
                             at: at("2027-01-01T00:07:00Z"))

        #expect(try store.releases().map(\.schedule.number) == [2])
        #expect(try store.nextReleaseNumber() == 2)
        #expect(try store.history().map(\.number) == [1, 2])
        #expect(try store.versionNumbers() == [1, 2])
        #expect(try store.schedule(version: 1)?.unscheduled.map(\.session) == ["s-2"])
        #expect(try store.restoredVersions() == [2: 1])
        #expect(try store.pins().isEmpty)
        #expect(try store.removedSessions().map(\.session.id) == ["s-3"])
        #expect(try store.busy()["p-a"]?.map(\.source) == ["a.ics"])
        #expect(try store.availabilityAnswers()["p-a"]?.note == "any day")
        #expect(try store.availabilitySaveCount() == 1)
        #expect(try store.planFile() == "plan.yaml")
        #expect(try store.eventIDs() == ["demo"])
        let status = try store.status()
        #expect(status.scheduleVersions == 2 && status.release == 1 && status.removedSessions == 1 && status.busyPeriods == 1)
        #expect(try store.acting(as: "page").auditLog().map(\.action)
            == ["import", "schedule", "pin", "pin", "availability", "schedule", "publish", "import"])
    }

    /// Text ordered for output is ordered by code point, as SQLite's BINARY collation orders it,
    /// whatever order a database's collation returned; equal keys keep their order.
    @Test func textIsOrderedByCodePoint() {
        let ids = ["é", "b", "a-b", "B", "ab", "Z", "a"]
        #expect(ids.inCodePointOrder { [$0] } == ["B", "Z", "a", "a-b", "ab", "b", "é"])
        let rows = [("10:00", "hall", 1), ("09:00", "room-b", 2), ("09:00", "Room-a", 3), ("09:00", "room-b", 4)]
        #expect(rows.inCodePointOrder { [$0.0, $0.1] }.map(\.2) == [3, 2, 4, 1])
    }
}

/// The same plans, versions, pins, answers, releases and status on PostgreSQL read back as on SQLite.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresPlanTests {
    @Test func plansSchedulesPinsReleasesAndStatusRunOnPostgreSQL() throws {
        let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
        try StorePortableSQLTests.exercise(try Store(postgres: address))
    }
}

/// A backend that runs the store's statements on an SQLite file and keeps their text.
final class RecordingBackend: StoreBackend, @unchecked Sendable {
    /// The statements the SQLite dialect asks for itself (SQLite's AUTOINCREMENT counter), which
    /// PostgreSQL's dialect asks for in its own words.
    static let dialectsOwn: Set<String> = ["SELECT seq FROM sqlite_sequence WHERE name = 'schedule_release'"]

    private let inner: SQLiteBackend
    private let lock = NSLock()
    private var kept: [String] = []

    init(_ inner: SQLiteBackend) { self.inner = inner }

    var statements: [String] { lock.withLock { kept } }

    /// The statements `exercise` sends through a store on a fresh SQLite file, less the dialect's own.
    static func statements(of exercise: (Store) throws -> Void) throws -> [String] {
        let tmp = try TemporaryDatabase()
        let sqlite = try #require(try Store(path: tmp.path).backend as? SQLiteBackend)
        let backend = RecordingBackend(sqlite)
        try exercise(Store(backend: backend, path: tmp.path, actor: "me", eventID: nil))
        return backend.statements.filter { !dialectsOwn.contains($0) }
    }

    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try inner.read { try body(SQLDatabase(RecordingDriver($0.driver, backend: self))) }
    }

    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try inner.write { try body(SQLDatabase(RecordingDriver($0.driver, backend: self))) }
    }

    fileprivate func keep(_ sql: String) { lock.withLock { kept.append(sql) } }
}

private final class RecordingDriver: SQLDriver {
    let inner: any SQLDriver
    let backend: RecordingBackend

    init(_ inner: any SQLDriver, backend: RecordingBackend) {
        self.inner = inner
        self.backend = backend
    }

    var dialect: SQLDialect { inner.dialect }

    func run(_ sql: String, _ arguments: [SQLValue]) throws -> (rows: [SQLRow], changes: Int) {
        backend.keep(sql)
        return try inner.run(sql, arguments)
    }
}
