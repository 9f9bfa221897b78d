import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// Writes to one PostgreSQL database go one at a time, from every process, as on an SQLite file.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresBackendTests {
    func address() throws -> PostgresAddress {
        try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
    }

    /// While one writer holds the write lock, another waits, then says the database is busy, and keeps nothing.
    @Test func aWriteWaitingTooLongForAnotherSaysTheDatabaseIsBusy() throws {
        let at = try address()
        let first = try PostgresBackend(at)
        let second = try PostgresBackend(at, lockWait: 1)
        try first.write { db in try db.execute(sql: "CREATE TABLE t (n BIGINT)") }
        let held = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? first.write { db in
                try db.execute(sql: "INSERT INTO t (n) VALUES (1)")
                held.signal()
                done.wait()
            }
            finished.signal()
        }
        held.wait()
        #expect {
            try second.write { db in try db.execute(sql: "INSERT INTO t (n) VALUES (2)") }
        } throws: { error in
            "\(error)".contains("is busy: another convene process is writing to it")
        }
        done.signal()
        finished.wait()
        #expect(try second.read { db in try Int64.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") } == [1])
        // Once the first is done, the second goes through.
        try second.write { db in try db.execute(sql: "INSERT INTO t (n) VALUES (2)") }
        #expect(try first.read { db in try Int64.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") } == [1, 2])
    }

    /// A `?` inside a quoted string or name, or a comment, is not a placeholder.
    @Test func placeholdersAreNumberedOutsideQuotesAndComments() {
        #expect(PostgresDriver.numbered("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ? -- ?\nAND c = ?")
            == "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b = $2 -- ?\nAND c = $3")
        #expect(PostgresDriver.numbered("SELECT 'it''s ?' WHERE x = ?") == "SELECT 'it''s ?' WHERE x = $1")
    }
}
