import ConveneCore
import ConveneTestFixtures
import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import ConveneStore

/// Copying a store into PostgreSQL: one transaction, checked table by table.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresCopyTests {
    /// A store holding an imported plan with Japanese names and a schedule.
    func store(_ file: TemporaryDatabase) throws -> Store {
        let store = try Store(path: file.path)
        try store.importPlan(sampleEvent(title: "希少がん フォーラム"), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"))],
                               at: at("2027-01-01T00:01:00Z"))
        return store
    }

    func target() throws -> PostgresAddress {
        try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
    }

    @Test func everyTableIsCopiedCountedAndChecksummedAndIdsGoOnPastTheHighest() async throws {
        let file = try TemporaryDatabase()
        let store = try store(file)
        let address = try target()
        let report = try await PostgresCopy.copy(from: store, to: address)
        #expect(report.isKept && report.target == address.description)
        let pool = try #require(store.backend as? SQLiteBackend).pool
        let sqliteCounts = try await pool.read { db in
            try report.tables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(quoted($0.name))") ?? -1 }
        }
        #expect(report.tables.map(\.rows) == sqliteCounts)
        #expect(report.tables.contains { $0.name == "session" && $0.rows == 2 })
        #expect(report.tables.allSatisfy { $0.checksum.count == 64 && $0.checksum == $0.postgresChecksum })

        let link = try await PostgresLink.open(address)
        let highest = try await pool.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM audit_log") } ?? 0
        #expect(highest > 0)
        let next = try await link.rows("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").first?.decode(Int64.self)
        #expect(next == highest + 1)
        let title = try await link.rows("SELECT data FROM session WHERE id = 's-1'").first?.decode(String.self)
        #expect(title?.contains("希少がん フォーラム") == true)
        await link.close()
    }

    @Test func aCopyInBatchesOfOneToAFewRowsMatchesToo() async throws {
        let file = try TemporaryDatabase()
        let store = try store(file)
        try store.importPlan(sampleEvent(sessions: (1...9).map { "s-\($0)" }), planFile: "plan.yaml", at: at("2027-01-02T00:00:00Z"))
        let report = try await PostgresCopy.copy(from: store, to: try target(), valuesPerInsert: 12)
        #expect(report.isKept)
        #expect(report.tables.first { $0.name == "session" }?.rows == 9)
        #expect(report.tables.first { $0.name == "audit_log" }.map { $0.rows > 2 } == true)
    }

    @Test func aSecondCopyIntoTheSameDatabaseIsRefused() async throws {
        let file = try TemporaryDatabase()
        let store = try store(file)
        let address = try target()
        #expect(try await PostgresCopy.copy(from: store, to: address).isKept)
        await #expect {
            try await PostgresCopy.copy(from: store, to: address)
        } throws: { "\($0)".contains("already holds Convene data") && "\($0)".contains("nothing was changed") }
    }

    @Test func aTableThatReadsBackDifferentlyIsNamedAndNothingIsKept() async throws {
        let file = try TemporaryDatabase()
        let store = try store(file)
        let address = try target()
        // The schema already made (empty tables are accepted), with a trigger that changes what is written.
        let link = try await PostgresLink.open(address)
        let schema = try PostgresSchema.current()
        try await link.transaction { try await schema.create($0) }
        try await link.rows("""
            CREATE FUNCTION alter_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := NEW.name || '!'; RETURN NEW; END $$
            """)
        try await link.rows("CREATE TRIGGER alter_name BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION alter_name()")

        let report = try await PostgresCopy.copy(from: store, to: address)
        #expect(!report.isKept)
        #expect(report.tables.filter { !$0.matches }.map(\.name) == ["person"])
        #expect(report.tables.first { $0.name == "person" }.map { $0.rows == $0.postgresRows } == true)
        for table in schema.tables {
            let rows = try await link.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(quoted(table.name))")).first?.decode(Int64.self)
            #expect(rows == 0, "\(table.name) kept rows")
        }
        await link.close()
    }

    @Test func aValuePostgreSQLCannotHoldIsRefusedNamingWhereItIs() throws {
        let column = SQLiteSchema.Column(name: "position", type: .integer, notNull: true, defaultValue: nil)
        #expect {
            try PostgresCopy.value(DatabaseValue(value: "third")!, column, table: "room", row: 3)
        } throws: { "\($0)".contains("room.position holds") && "\($0)".contains("row 3") && "\($0)".contains("BIGINT") }
        let blob = SQLiteSchema.Column(name: "message", type: .blob, notNull: true, defaultValue: nil)
        #expect(try PostgresCopy.value("mail ✉".databaseValue, blob, table: "outbox", row: 1) == .bytes(Data("mail ✉".utf8)))
    }
}
