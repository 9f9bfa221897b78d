import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// A PostgreSQL database, through a small pool of postgres-nio connections.
///
/// The store's calls are synchronous, as GRDB's are: each statement is sent on the pool's own
/// event loop and waited for on the caller's thread, so no caller's event loop or task is ever
/// asked to run a PostgreSQL connection.
///
/// Reads are REPEATABLE READ transactions: each sees one state of the database, as an SQLite read
/// does. Writes take one transaction-scoped advisory lock first, so writes from every process on
/// the database go one at a time, as they do on an SQLite file: the store's checks (a draft's
/// stale version, the next release's number) stay true until the write commits.
final class PostgresBackend: StoreBackend, @unchecked Sendable {
    let address: PostgresAddress
    /// Every PostgreSQL connection of the process runs on this group, never on one a server or a task uses.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// The advisory lock every write transaction holds: the store's one write lock.
    static let writeLock: Int64 = 0x436F_6E76_656E_6501
    /// How many seconds a write waits for another process's write before it says the database is busy.
    let lockWait: Int
    /// How many connections the pool keeps open at most.
    let capacity: Int
    /// True when the store was opened for reading only: every write is refused.
    let readOnly: Bool

    private let state = NIOLockedValueBox(Pool())
    private let returned = NSCondition()
    private let nextID = ConnectionNumbers()

    private struct Pool {
        var idle: [PostgresConnection] = []
        var open = 0
    }

    /// Connects once, so an unreachable server or a refused login is reported when the store is opened.
    init(_ address: PostgresAddress, readOnly: Bool = false, capacity: Int = 8, lockWait: Int = 10) throws {
        self.address = address
        self.lockWait = lockWait
        self.readOnly = readOnly
        self.capacity = capacity
        let first = try connect()
        state.withLockedValue { $0.idle.append(first); $0.open = 1 }
    }

    deinit {
        for connection in state.withLockedValue({ $0.idle }) { connection.close().whenComplete { _ in _ = connection } }
    }

    /// A read's BEGIN and COMMIT are sent without waiting for their answers (the connection answers in
    /// order, so its first statement's answer comes after BEGIN's): a read of one statement costs one
    /// round trip, as a token's lookup on every private feed request does.
    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", pipelined: true, body)
    }

    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        if readOnly { throw StoreError("\(address) was opened for reading only") }
        return try transaction(begin: "BEGIN", lock: true, body)
    }

    /// Without the write lock, so delivery runs claim and mark messages while a publish (or another
    /// run) writes: READ COMMITTED, so a statement that finds a row another transaction locked waits
    /// for it and then reads the row as committed (or, `SKIP LOCKED`, passes over it).
    func writeWithRowLocks<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        if readOnly { throw StoreError("\(address) was opened for reading only") }
        return try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", body)
    }

    /// Runs `body` on one connection outside any transaction the backend begins: for statements that
    /// manage their own (the schema's creation, LISTEN).
    func withConnection<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        let connection = try acquire()
        let driver = PostgresDriver(connection: connection, address: address)
        defer { release(connection) }
        return try body(SQLDatabase(driver))
    }

    private func transaction<T>(begin: String, lock: Bool = false, pipelined: Bool = false,
                                _ body: (SQLDatabase) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        let driver = PostgresDriver(connection: connection, address: address)
        let db = SQLDatabase(driver)
        if pipelined { driver.send(begin) } else { try db.execute(sql: begin) }
        do {
            if lock {
                // As long as an SQLite writer waits for another before it says the database is busy, and then some:
                // a publish of a large event holds the lock for seconds.
                try db.execute(sql: "SET LOCAL lock_timeout = '\(lockWait)s'")
                try db.execute(sql: "SELECT pg_advisory_xact_lock(\(Self.writeLock))")
            }
            let value = try body(db)
            if pipelined { driver.send("COMMIT") } else { try db.execute(sql: "COMMIT") }
            return value
        } catch {
            // A connection that is gone rolls back by itself; the error that matters is the first.
            _ = try? db.execute(sql: "ROLLBACK")
            throw error
        }
    }

    private func acquire() throws -> PostgresConnection {
        returned.lock()
        defer { returned.unlock() }
        while true {
            let taken: PostgresConnection?? = state.withLockedValue { pool in
                while let c = pool.idle.popLast() {
                    if !c.isClosed { return .some(c) }
                    pool.open -= 1
                }
                if pool.open < capacity {
                    pool.open += 1
                    return .some(nil)
                }
                return nil
            }
            switch taken {
            case .some(.some(let connection)): return connection
            case .some(.none):
                do { return try connect() } catch {
                    state.withLockedValue { $0.open -= 1 }
                    throw error
                }
            case .none: returned.wait()
            }
        }
    }

    private func release(_ connection: PostgresConnection) {
        returned.lock()
        state.withLockedValue { pool in
            if connection.isClosed { pool.open -= 1 } else { pool.idle.append(connection) }
        }
        returned.signal()
        returned.unlock()
    }

    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            return try PostgresConnection.connect(on: Self.group.next(), configuration: configuration, id: nextID.next(),
                                                  logger: PostgresLink.logger).waitForStore()
        } catch {
            throw PostgresLink.describe(error, address: address)
        }
    }
}

/// Numbers the pool's connections, for postgres-nio's logs.
private final class ConnectionNumbers: Sendable {
    private let value = NIOLockedValueBox(0)
    func next() -> Int { value.withLockedValue { $0 += 1; return $0 } }
}

/// One PostgreSQL connection running the store's statements.
final class PostgresDriver: SQLDriver {
    let connection: PostgresConnection
    let address: PostgresAddress

    init(connection: PostgresConnection, address: PostgresAddress) {
        self.connection = connection
        self.address = address
    }

    var dialect: SQLDialect { .postgres }

    /// Sends a statement without arguments and does not wait for its answer: for a read's BEGIN and
    /// COMMIT, whose failure the next statement (or the next transaction on the connection) meets anyway.
    func send(_ sql: String) {
        _ = connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresLink.logger)
    }

    func run(_ sql: String, _ arguments: [SQLValue]) throws -> (rows: [SQLRow], changes: Int) {
        var binds = PostgresBindings(capacity: arguments.count)
        for a in arguments {
            switch a {
            case .null: binds.appendNull()
            case .integer(let i): binds.append(i)
            case .real(let d): binds.append(d)
            case .text(let s): binds.append(s)
            case .blob(let d): binds.append(ByteBuffer(bytes: d))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds)
        let result: PostgresQueryResult
        do {
            result = try connection.query(query, logger: PostgresLink.logger).waitForStore()
        } catch {
            throw PostgresLink.describe(error, address: address)
        }
        var columns: [String]?
        let rows = try result.rows.map { row in
            var values: [SQLValue] = []
            var names: [String] = []
            for cell in row {
                values.append(try Self.value(cell))
                if columns == nil { names.append(cell.columnName) }
            }
            if columns == nil { columns = names }
            return SQLRow(columns: columns ?? names, values: values)
        }
        let changes = ["INSERT", "UPDATE", "DELETE"].contains(result.metadata.command) ? result.metadata.rows ?? 0 : 0
        return (rows, changes)
    }

    /// A cell as the value SQLite would hold: PostgreSQL's truth values as 0 or 1, its NUMERIC (what
    /// SUM of integers gives) as an integer when whole.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bytea: return .blob(try cell.decode(Data.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let d = try cell.decode(Decimal.self)
            let whole = NSDecimalNumber(decimal: d)
            return d == Decimal(whole.int64Value) ? .integer(whole.int64Value) : .real(whole.doubleValue)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// `sql` with its `?` placeholders numbered `$1`, `$2`, …, as PostgreSQL reads them; a `?` inside a
    /// quoted string or name, or a comment, is left alone.
    static func numbered(_ sql: String) -> String {
        if let done = cache.withLockedValue({ $0[sql] }) { return done }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        var comment = false
        var previous: Character = " "
        for ch in sql {
            if comment {
                if ch == "\n" { comment = false }
            } else if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "-" && previous == "-" {
                comment = true
            } else if ch == "?" {
                n += 1
                out += "$\(n)"
                previous = ch
                continue
            }
            out.append(ch)
            previous = ch
        }
        cache.withLockedValue { $0[sql] = out }
        return out
    }

    private static let cache = NIOLockedValueBox([String: String]())
}
