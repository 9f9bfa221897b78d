import ConveneTestFixtures
import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import ConveneStore

/// The PostgreSQL schema is the SQLite one after every migration step: read back from both
/// catalogues, so a new step cannot leave PostgreSQL behind.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresSchemaTests {
    /// A new database with the schema made in it.
    func created() async throws -> PostgresLink {
        let server = try PostgresServer.shared.get()
        let link = try await PostgresLink.open(try PostgresAddress(try server.makeDatabase(), password: PostgresServer.password))
        let schema = try PostgresSchema.current()
        try await link.transaction { link in
            #expect(try await schema.holding(link) == .nothing)
            try await schema.create(link)
        }
        return link
    }

    /// SQLite's tables as a file the store made says: table → column → (type, NOT NULL), primary keys,
    /// foreign keys and indexes.
    func sqliteCatalogue() throws -> (columns: [String: [String: String]], keys: [String: [String]], foreign: [String: Int], indexes: Set<String>) {
        let file = try TemporaryDatabase()
        let store = try Store(path: file.path)
        return try #require(store.backend as? SQLiteBackend).pool.read { db in
            var columns: [String: [String: String]] = [:], keys: [String: [String]] = [:], foreign: [String: Int] = [:]
            var indexes = Set<String>()
            let types = ["INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea"]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'") {
                let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
                for row in info {
                    let pk: Int = row["pk"], notNull: Int = row["notnull"], type: String = row["type"]
                    columns[table, default: [:]][row["name"]] = "\(types[type.uppercased()] ?? type) \(notNull == 1 || pk > 0 ? "NO" : "YES")"
                }
                keys[table] = info.filter { $0["pk"] as Int > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] }
                foreign[table] = try Set(Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))").map { $0["id"] as Int }).count
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(table.quotedDatabaseIdentifier))") where index["origin"] as String == "c" {
                    indexes.insert(index["name"])
                }
            }
            return (columns, keys, foreign, indexes)
        }
    }

    @Test func tablesColumnsKeysAndIndexesEqualSQLites() async throws {
        let link = try await created()
        var columns: [String: [String: String]] = [:]
        for row in try await link.rows("""
            SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'schema_steps'
            """) {
            let (table, column, type, nullable) = try row.decode((String, String, String, String).self)
            columns[table, default: [:]][column] = "\(type) \(nullable)"
        }
        var keys: [String: [String]] = [:]
        for row in try await link.rows("""
            SELECT k.table_name::text, k.column_name::text FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
            WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() AND c.table_name <> 'schema_steps'
            ORDER BY k.table_name, k.ordinal_position
            """) {
            let (table, column) = try row.decode((String, String).self)
            keys[table, default: []].append(column)
        }
        var foreign: [String: Int] = [:]
        for row in try await link.rows("""
            SELECT table_name::text, count(*) FROM information_schema.table_constraints
            WHERE constraint_type = 'FOREIGN KEY' AND table_schema = current_schema() GROUP BY table_name
            """) {
            let (table, n) = try row.decode((String, Int64).self)
            foreign[table] = Int(n)
        }
        let indexes = Set(try await link.rows("""
            SELECT indexname::text FROM pg_indexes i WHERE schemaname = current_schema()
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """).map { try $0.decode(String.self) })
        await link.close()

        let sqlite = try sqliteCatalogue()
        #expect(!sqlite.columns.isEmpty)
        #expect(columns.keys.sorted() == sqlite.columns.keys.sorted())
        for (table, expected) in sqlite.columns { #expect(columns[table] == expected, "\(table)") }
        #expect(keys == sqlite.keys.filter { !$0.value.isEmpty })
        #expect(foreign == sqlite.foreign.filter { $0.value > 0 })
        #expect(indexes == sqlite.indexes)
    }

    @Test func theStepsAreRecordedAndTheChecksHold() async throws {
        let link = try await created()
        let steps = try await link.rows("SELECT identifier FROM schema_steps").map { try $0.decode(String.self) }
        #expect(Set(steps) == Set(Migrations.migrator.migrations))
        // An id SQLite would pick itself is generated by PostgreSQL too; every CHECK clause is there.
        let tables = try PostgresSchema.current().tables
        #expect(tables.first { $0.name == "audit_log" }?.generatesKey == true)
        let identities = try await link.rows("""
            SELECT table_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'
            """).map { try $0.decode(String.self) }
        #expect(Set(identities) == Set(tables.filter(\.generatesKey).map(\.name)))
        let checks = try await link.rows("""
            SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'c' AND n.nspname = current_schema()
            """).map { try $0.decode(String.self) }
        #expect(checks.count == tables.map(\.checks.count).reduce(0, +) && checks.count >= 5)
        #expect(checks.contains { $0.contains("state") && $0.contains("queued") }, "\(checks)")
        await link.close()
    }

    @Test func aDatabaseANewerConveneWroteIsRefused() async throws {
        let link = try await created()
        try await link.rows("INSERT INTO schema_steps (identifier) VALUES ('v99-from-the-future')")
        await #expect {
            try await PostgresSchema.current().holding(link)
        } throws: { "\($0)".contains("written by a newer Convene") && "\($0)".contains("v99-from-the-future") }
        await link.close()
    }

    @Test func anotherProgramsDatabaseIsRefused() async throws {
        let server = try PostgresServer.shared.get()
        let link = try await PostgresLink.open(try PostgresAddress(try server.makeDatabase(), password: PostgresServer.password))
        try await link.rows("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")
        await #expect {
            try await PostgresSchema.current().holding(link)
        } throws: { "\($0)".contains("is not a Convene database (it holds the tables invoices)") }
        await link.close()
    }

    @Test func checkClausesAndIndexConditionsQuoteTheirColumns() {
        #expect(SQLiteSchema.checks(in: "CREATE TABLE t (a INTEGER CHECK (a IN (0, 1)), end TEXT, CONSTRAINT c CHECK(end > 'x)'))")
            == ["a IN (0, 1)", "end > 'x)'"])
        #expect(SQLiteSchema.quoting(["end", "a"], in: "end > 'end' AND a IS NULL") == "\"end\" > 'end' AND \"a\" IS NULL")
        #expect(SQLiteSchema.condition(ofIndex: "CREATE UNIQUE INDEX i ON t(p) WHERE revoked_at IS NULL") == "revoked_at IS NULL")
    }
}
