import Foundation
import GRDB
import PostgresNIO

/// What a copy into PostgreSQL found, table by table: rows and checksums read back from both sides.
public struct CopyReport: Sendable {
    /// One table: its rows and checksum in the SQLite file and in PostgreSQL.
    public struct Table: Sendable, Equatable {
        /// The table's name, the same in both databases.
        public let name: String
        /// Rows read from the SQLite file.
        public let rows: Int
        /// Rows read back from PostgreSQL.
        public let postgresRows: Int
        /// SHA-256 (hexadecimal) over the SQLite rows in primary-key order.
        public let checksum: String
        /// The same over the rows read back from PostgreSQL.
        public let postgresChecksum: String
        /// True when both sides hold the same rows, value for value.
        public var matches: Bool { rows == postgresRows && checksum == postgresChecksum }
    }

    /// Where the data went (without its password).
    public let target: String
    /// Every Convene table, parents before children.
    public let tables: [Table]
    /// True when the copy was kept: every table matched. Otherwise nothing of it was.
    public var isKept: Bool { tables.allSatisfy(\.matches) }
}

/// Copies a store's SQLite file into an empty PostgreSQL database in one transaction: the schema
/// (`PostgresSchema`), then every table in foreign-key order, then each table's rows and checksum
/// read back on both sides. Any difference rolls everything back.
public enum PostgresCopy {
    /// The most values one INSERT sends (PostgreSQL takes at most 65,535 parameters).
    static let valuesPerInsert = 30_000

    /// Copies `store` (a file opened, and so brought up to date, as every command opens it) into the
    /// database at `address`, which must hold no table or an empty Convene schema.
    public static func copy(from store: Store, to address: PostgresAddress) async throws -> CopyReport {
        try await copy(from: store, to: address, valuesPerInsert: valuesPerInsert)
    }

    /// The copy, sending at most `valuesPerInsert` values a statement (tests make it small, so tables
    /// take many batches).
    static func copy(from store: Store, to address: PostgresAddress, valuesPerInsert: Int) async throws -> CopyReport {
        let schema = try PostgresSchema.current()
        guard let pool = (store.backend as? SQLiteBackend)?.pool else {
            throw StoreError("\(store.path) is not an SQLite file: only an SQLite store is copied into PostgreSQL; nothing was copied")
        }
        let snapshot = try pool.makeSnapshot()
        let fileTables = try await snapshot.read { try SQLiteSchema($0).tables.map(\.name) }.sorted()
        guard fileTables == schema.tables.map(\.name).sorted() else {
            throw StoreError("\(store.path) holds the tables \(fileTables.joined(separator: ", ")), not the ones its schema steps make; "
                + "nothing was copied")
        }
        let link = try await PostgresLink.open(address)
        do {
            let report = try await copy(snapshot, schema: schema, into: link, valuesPerInsert: valuesPerInsert)
            await link.close()
            return report
        } catch {
            await link.close()
            throw error
        }
    }

    /// A copy that did not match, carried out of the transaction so it rolls back.
    private struct Mismatch: Error { let report: CopyReport }

    private static func copy(
        _ snapshot: DatabaseSnapshot, schema: PostgresSchema, into link: PostgresLink, valuesPerInsert: Int
    ) async throws -> CopyReport {
        do {
            return try await link.transaction { link in
                // Two copies into one database at once: the second waits, then finds the first's data.
                try await link.rows("SELECT pg_advisory_xact_lock(\(Int64(0x436F6E76656E65)))")
                if try await schema.holding(link) == .nothing { try await schema.create(link) }
                try await link.rows("SET CONSTRAINTS ALL DEFERRED")
                var written: [(String, TableDigest)] = []
                for table in schema.tables {
                    written.append((table.name, try await write(table, from: snapshot, into: link, valuesPerInsert: valuesPerInsert)))
                }
                // Foreign keys are checked here, before reading back, so a broken one fails with its name.
                try await link.rows("SET CONSTRAINTS ALL IMMEDIATE")
                var tables: [CopyReport.Table] = []
                for (table, (_, digest)) in zip(schema.tables, written) {
                    let back = try await read(table, from: link)
                    tables.append(CopyReport.Table(name: table.name, rows: digest.rows, postgresRows: back.rows,
                                                   checksum: digest.checksum, postgresChecksum: back.checksum))
                }
                let report = CopyReport(target: link.address.description, tables: tables)
                if !report.isKept { throw Mismatch(report: report) }
                return report
            }
        } catch let m as Mismatch {
            return m.report
        }
    }

    /// `ORDER BY` for a table: its primary key (all its columns when it has none), texts compared byte
    /// by byte and NULL first, as SQLite orders them.
    private static func order(_ table: SQLiteSchema.Table, postgres: Bool) -> String {
        let keys = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        return keys.map { name in
            let text = table.columns.first { $0.name == name }?.type == .text
            return quoted(name) + (text ? (postgres ? " COLLATE \"C\"" : " COLLATE BINARY") : "") + (postgres ? " NULLS FIRST" : "")
        }.joined(separator: ", ")
    }

    /// Copies one table's rows, a batch at a time in primary-key order (so memory holds one batch, not
    /// the table), and returns the digest of what was read from SQLite.
    private static func write(
        _ table: SQLiteSchema.Table, from snapshot: DatabaseSnapshot, into link: PostgresLink, valuesPerInsert: Int
    ) async throws -> TableDigest {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        let perInsert = max(1, valuesPerInsert / max(1, table.columns.count))
        // Each batch starts after the last key copied, so reading a table costs one pass, however large.
        let keys = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        let keyIndexes = keys.compactMap { k in table.columns.firstIndex { $0.name == k } }
        let rest = "ORDER BY \(order(table, postgres: false)) LIMIT \(perInsert)"
        let first = "SELECT \(columns) FROM \(quoted(table.name)) \(rest)"
        let next = "SELECT \(columns) FROM \(quoted(table.name)) WHERE (\(keys.map(quoted).joined(separator: ", "))) > "
            + "(\(keys.map { _ in "?" }.joined(separator: ", "))) \(rest)"
        // SQLite never hands out an AUTOINCREMENT id twice, even a deleted row's: neither shall PostgreSQL.
        var highestKey = try await snapshot.read { db in
            try? Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
        } ?? nil
        let keyColumn = table.generatesKey ? table.columns.firstIndex { $0.name == table.primaryKey.first } : nil
        var digest = TableDigest()
        var copied = 0
        var after: [DatabaseValue]?
        while true {
            let (offset, from) = (copied, after)
            let (batch, last) = try await snapshot.read { db -> ([[CopiedValue]], [DatabaseValue]?) in
                var rows: [[CopiedValue]] = []
                var last: [DatabaseValue]?
                let cursor = try Row.fetchCursor(db, sql: from == nil ? first : next, arguments: StatementArguments(from ?? []))
                while let row = try cursor.next() {
                    rows.append(try table.columns.enumerated().map { i, column in
                        try value(row[i] as DatabaseValue, column, table: table.name, row: offset + rows.count + 1)
                    })
                    last = keyIndexes.map { row[$0] as DatabaseValue }
                }
                return (rows, last)
            }
            after = last
            if batch.isEmpty { break }
            var binds = PostgresBindings(capacity: batch.count * table.columns.count)
            var tuples: [String] = []
            for row in batch {
                digest.add(row)
                if let keyColumn, case .integer(let n) = row[keyColumn] { highestKey = max(highestKey ?? n, n) }
                var placeholders: [String] = []
                for (value, column) in zip(row, table.columns) {
                    switch value {
                    case .null: binds.appendNull()
                    case .integer(let i): binds.append(i)
                    case .real(let r): binds.append(r)
                    case .text(let s): binds.append(s)
                    case .bytes(let d): try binds.append(d)
                    }
                    placeholders.append("$\(binds.count)::\(column.type.postgres)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(quoted(table.name)) (\(columns)) VALUES " + tuples.joined(separator: ", ")
            do {
                try await link.rows(PostgresQuery(unsafeSQL: sql, binds: binds))
            } catch let e as StoreError {
                throw StoreError("copying \(table.name): \(e.message); nothing was copied")
            }
            copied += batch.count
            if batch.count < perInsert { break }
        }
        if table.generatesKey, let key = table.primaryKey.first, let next = highestKey, next > 0 {
            try await link.rows("SELECT setval(pg_get_serial_sequence(\(quoted(table.name)), \(key)), \(next), true)")
        }
        return digest
    }

    /// One table read back from PostgreSQL, row by row as the server sends them: its row count and digest.
    private static func read(_ table: SQLiteSchema.Table, from link: PostgresLink) async throws -> TableDigest {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        let sql = "SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(order(table, postgres: true))"
        var digest = TableDigest()
        try await link.forEachRow(PostgresQuery(unsafeSQL: sql)) { row in
            digest.add(try zip(row, table.columns).map { cell, column in
                switch column.type {
                case .integer: try cell.decode(Int64?.self).map(CopiedValue.integer) ?? .null
                case .real: try cell.decode(Double?.self).map(CopiedValue.real) ?? .null
                case .text: try cell.decode(String?.self).map(CopiedValue.text) ?? .null
                case .blob: try cell.decode(Data?.self).map(CopiedValue.bytes) ?? .null
                }
            })
        }
        return digest
    }

    /// A value read from SQLite as the PostgreSQL column holds it. SQLite keeps any value in any column;
    /// one PostgreSQL cannot hold there is refused, naming where it is. Text in a BLOB column is kept
    /// as its UTF-8 bytes, which is how the store reads it back.
    static func value(_ v: DatabaseValue, _ column: SQLiteSchema.Column, table: String, row: Int) throws -> CopiedValue {
        switch (v.storage, column.type) {
        case (.null, _): return .null
        case (.int64(let i), .integer): return .integer(i)
        case (.int64(let i), .real): return .real(Double(i))
        case (.double(let d), .real): return .real(d)
        case (.string(let s), .text): return .text(s)
        case (.string(let s), .blob): return .bytes(Data(s.utf8))
        case (.blob(let d), .blob): return .bytes(d)
        case (let storage, let type):
            throw StoreError("\(table).\(column.name) holds \(storage) in its row \(row) (in primary-key order), which PostgreSQL's "
                + "\(type.postgres) cannot; nothing was copied")
        }
    }
}
