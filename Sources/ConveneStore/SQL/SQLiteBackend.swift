import Foundation
import GRDB

/// Where a store's data lives: an SQLite file (through GRDB) or a PostgreSQL database.
protocol StoreBackend: Sendable {
    /// Runs `body` in one read-only transaction that sees one state of the database.
    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T
    /// Runs `body` in one write transaction, one at a time with every other write to the database
    /// (from this process or another): all of it is kept, or none when `body` throws.
    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T
    /// Runs `body` in one write transaction that other writers may run beside, ordered against them
    /// only by the rows each locks: for short updates of rows that every writer touching them locks
    /// too (the outbox's claims, see `Store.claimNextDue`). Where all writes go one at a time
    /// (SQLite), the same as `write`.
    func writeWithRowLocks<T>(_ body: (SQLDatabase) throws -> T) throws -> T
}

extension StoreBackend {
    /// A backend whose writes all go one at a time has no other kind of write.
    func writeWithRowLocks<T>(_ body: (SQLDatabase) throws -> T) throws -> T { try write(body) }
}

/// An SQLite file, through GRDB's pool: reads run side by side, writes one at a time.
final class SQLiteBackend: StoreBackend {
    let pool: DatabasePool
    let path: String

    init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        do { return try pool.read { try body(SQLDatabase(SQLiteDriver($0, path: path))) } } catch let e as DatabaseError {
            throw Self.describe(e, path: path)
        }
    }

    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        do { return try pool.write { try body(SQLDatabase(SQLiteDriver($0, path: path))) } } catch let e as DatabaseError {
            throw Self.describe(e, path: path)
        }
    }

    static func describe(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError("\(path) is busy: another convene process is writing to it; try again in a moment")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError("\(path) is not a Convene database (\(e.message ?? "unreadable"))")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError("cannot open \(path) for writing (\(e.message ?? "permission denied"))")
        default:
            return StoreError("\(path): \(e.message ?? "\(e.resultCode)")")
        }
    }
}

/// One GRDB connection inside a transaction, running the store's statements.
private final class SQLiteDriver: SQLDriver {
    let db: GRDB.Database
    let path: String

    init(_ db: GRDB.Database, path: String) {
        self.db = db
        self.path = path
    }

    var dialect: SQLDialect { .sqlite }

    func run(_ sql: String, _ arguments: [SQLValue]) throws -> (rows: [SQLRow], changes: Int) {
        let statement = try db.cachedStatement(sql: sql)
        let bound = StatementArguments(arguments.map(\.grdb))
        if statement.columnCount == 0 {
            try statement.execute(arguments: bound)
            return ([], db.changesCount)
        }
        let columns = statement.columnNames
        let rows = try GRDB.Row.fetchAll(statement, arguments: bound).map { row in
            SQLRow(columns: columns, values: (0 ..< columns.count).map { SQLValue(row[$0] as DatabaseValue) })
        }
        return (rows, statement.isReadonly ? 0 : db.changesCount)
    }
}

extension SQLValue {
    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let d): self = .blob(d)
        }
    }

    var grdb: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let i): i.databaseValue
        case .real(let d): d.databaseValue
        case .text(let s): s.databaseValue
        case .blob(let d): d.databaseValue
        }
    }
}
