import ConveneCore
import Foundation
import GRDB

/// The database that holds events' plans, their calendars' busy times, every schedule version and
/// the audit log: an SQLite file (the default) or a PostgreSQL database, behind one set of queries.
///
/// An SQLite file is opened in WAL mode with foreign keys on. On either database every write that
/// belongs together is one transaction, writes go one at a time, and a failure leaves the data
/// exactly as it was.
///
/// A store works on one event at a time: the one it is `scoped(to:)`, else the only event the
/// database holds. An unscoped store on a database holding several events refuses per-event reads
/// and writes, naming them, rather than guess.
public final class Store: Sendable {
    let backend: any StoreBackend
    /// The file this store was opened from, or the PostgreSQL address (without any password).
    public let path: String
    /// Who the audit log says made the changes written through this store.
    public let actor: String
    /// The event this store reads and writes; nil for the file's only event.
    public let eventID: String?

    /// Opens the database at `path` and brings its schema up to date; a missing file is created
    /// only when `create` is true, so a mistyped path never leaves an empty database behind.
    ///
    /// `readOnly` opens it for reading only (a read-only file or file system will do), upgrading an
    /// older schema first only when it must. Either way a file that is not a Convene database, or
    /// one a newer Convene wrote, is refused before anything is written to it.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        actor = Store.processUser
        eventID = nil
        if (!create || readOnly), !FileManager.default.fileExists(atPath: path) {
            throw StoreError("no database at \(path) (run `convene import PLAN` first, or give --db PATH)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another convene process may hold the write lock: wait a little, then say so.
        config.busyMode = .timeout(5)
        // SQLite reads a WAL database only where it can make its shared-memory file; a file this process
        // cannot write (a read-only copy, folder or file system) is read as immutable: nobody writes it through us.
        let source = readOnly && !Store.isWritable(path) ? Store.immutable(path) : path
        do {
            let upToDate = try Store.checkOurs(path, source: source, readOnly: readOnly)
            if readOnly && !upToDate {
                // An older schema: upgraded once with write access (which says why it cannot be, if so).
                _ = try Store(path: path, create: false)
            }
            config.readonly = readOnly
            let pool = try DatabasePool(path: source, configuration: config)
            if !readOnly { try Migrations.migrator.migrate(pool) }
            backend = SQLiteBackend(pool: pool, path: path)
        } catch let e as DatabaseError {
            throw SQLiteBackend.describe(e, path: path)
        }
    }

    /// Reads, without writing, whether the file at `path` is a Convene database this build can use:
    /// throws for another program's SQLite file and for a schema a newer Convene wrote. Returns
    /// whether its schema is up to date. A file with no tables at all is new, and fine to write.
    private static func checkOurs(_ path: String, source: String, readOnly: Bool) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: source, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            if tables.isEmpty {
                if readOnly { throw StoreError("\(path) holds no Convene data yet (run `convene import PLAN` first)", holdsNothing: true) }
                return false
            }
            let migrator = Migrations.migrator
            let applied = tables.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            guard applied.contains(Migrations.first) else {
                throw StoreError("\(path) is not a Convene database (it holds the tables \(tables.prefix(5).joined(separator: ", "))"
                    + (tables.count > 5 ? ", …" : "") + "); nothing was changed, give --db the right file")
            }
            let known = Set(migrator.migrations)
            if let newer = applied.subtracting(known).sorted().first {
                throw StoreError("\(path) was written by a newer Convene (it records the schema step '\(newer)', which this "
                    + "version does not know); nothing was changed, use that Convene or a newer one")
            }
            return try migrator.hasCompletedMigrations(db)
        }
    }

    /// True when this process may write the file and make files beside it (SQLite's journal).
    private static func isWritable(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(path, W_OK) == 0 && access(folder, W_OK) == 0
    }

    /// An SQLite URI that opens `path` as immutable: no locks, no journal, no files beside it.
    private static func immutable(_ path: String) -> String {
        var uri = URLComponents()
        uri.scheme = "file"
        uri.path = URL(fileURLWithPath: path).path
        uri.query = "immutable=1"
        return uri.string ?? path
    }

    init(backend: any StoreBackend, path: String, actor: String, eventID: String?) {
        self.backend = backend
        self.path = path
        self.actor = actor
        self.eventID = eventID
    }

    /// The same database (one backend, path and actor), working on the event `eventID`.
    public func scoped(to eventID: String) -> Store { Store(backend: backend, path: path, actor: actor, eventID: eventID) }

    /// The path used when none is given: `$CONVENE_DB`, else `convene.sqlite` in the current folder.
    public static func defaultPath(environment: [String: String]) -> String {
        environment["CONVENE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "convene.sqlite"
    }

    /// Runs one read-only transaction; database errors become `StoreError`s.
    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T { try backend.read(body) }

    /// Runs one write transaction; database errors become `StoreError`s and nothing is kept.
    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T { try backend.write(body) }
}
