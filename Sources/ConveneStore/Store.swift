import ConveneCore
import Foundation
import GRDB

/// The one SQLite file that holds an event's plan, its calendars' busy times,
/// every schedule version and the audit log.
///
/// Opened in WAL mode with foreign keys on; every write that belongs together
/// is one transaction, so a failure leaves the file exactly as it was.
public final class Store: Sendable {
    let pool: DatabasePool
    /// The file this store was opened from.
    public let path: String
    /// Who the audit log says made the changes written through this store.
    public let actor: String

    /// Opens the database at `path` and brings its schema up to date; a missing file is created
    /// only when `create` is true, so a mistyped path never leaves an empty database behind.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        actor = Store.processUser
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError("no database at \(path) (run `convene import PLAN` first, or give --db PATH)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another convene process may hold the write lock: wait a little, then say so.
        config.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Migrations.migrator.migrate(pool)
        } catch let e as DatabaseError {
            throw Store.describe(e, path: path)
        }
    }

    init(pool: DatabasePool, path: String, actor: String) {
        self.pool = pool
        self.path = path
        self.actor = actor
    }

    /// The path used when none is given: `$CONVENE_DB`, else `convene.sqlite` in the current folder.
    public static func defaultPath(environment: [String: String]) -> String {
        environment["CONVENE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "convene.sqlite"
    }

    /// Runs a read; database errors become `StoreError`s.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let e as DatabaseError { throw Store.describe(e, path: path) }
    }

    /// Runs one write transaction; database errors become `StoreError`s and nothing is kept.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as DatabaseError { throw Store.describe(e, path: path) }
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
