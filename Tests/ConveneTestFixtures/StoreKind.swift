public import ConveneStore
import Foundation
public import Testing

/// The two databases a store can live in; a test of the store's behaviour takes
/// `@Test(arguments: StoreKind.available)` and runs once on each this machine has.
public enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// How the test's argument is shown in results.
    public var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    /// SQLite always; PostgreSQL when its test server runs here. When it does not, says once why the
    /// PostgreSQL runs are skipped, so a green run never hides that half of the suite did not run.
    /// `CONVENE_TEST_STORES=sqlite` (or `postgres`) runs on that one alone, e.g. for a quick run.
    public static let available: [StoreKind] = {
        let chosen = ProcessInfo.processInfo.environment["CONVENE_TEST_STORES"].map {
            Set($0.split(separator: ",").compactMap { StoreKind(rawValue: String($0)) })
        } ?? Set(allCases)
        if chosen.contains(.postgres), case .failure(let error) = PostgresServer.shared {
            let reason = PostgresServer.unavailable ?? "\(error)"
            FileHandle.standardError.write(Data("PostgreSQL suites skipped: \(reason)\n".utf8))
            return chosen.contains(.sqlite) ? [.sqlite] : []
        }
        return allCases.filter(chosen.contains)
    }()

    /// A new, empty place for a store of this kind: an SQLite file in a new temporary folder, or a new
    /// database on the shared PostgreSQL server (with the folder for the files a test writes beside it).
    public func fresh() throws -> FreshStore {
        let folder = NSTemporaryDirectory() + "convene-\(rawValue)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let (location, password) = try place(in: folder)
            return FreshStore(kind: self, folder: folder, location: location, password: password)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// What `--db` takes for a new, empty store of this kind, and its password: `convene.sqlite` in
    /// `folder` (which the caller owns), or a new database on the shared PostgreSQL server.
    public func place(in folder: String) throws -> (location: String, password: String?) {
        switch self {
        case .sqlite: return (folder + "/convene.sqlite", nil)
        case .postgres: return (try PostgresServer.shared.get().makeDatabase(), PostgresServer.password)
        }
    }

    /// A new, empty store of this kind, and its place (keep it while the store is used).
    public func makeStore() throws -> EmptyStore {
        let place = try fresh()
        return EmptyStore(store: try place.open(), place: place)
    }

    /// A new store of this kind whose SQLite file, if any, goes in `folder` (which the caller owns).
    public func makeStore(in folder: String) throws -> Store {
        let (location, password) = try place(in: folder)
        return try Store.open(location, password: password)
    }
}

/// A new store, with the place it lives in: its temporary folder is removed when this goes.
public struct EmptyStore: Sendable {
    /// The store, opened and empty.
    public let store: Store
    /// Where it lives.
    public let place: FreshStore
}

/// A fresh place for one test's store, and a temporary folder beside it; the folder is removed when
/// this is released (a PostgreSQL database goes with its server at the end of the test process).
public final class FreshStore: Sendable {
    /// Which database it is.
    public let kind: StoreKind
    /// A new temporary folder, for the test's files (and the SQLite file).
    public let folder: String
    /// What `--db` takes: the SQLite file's path or the `postgres://` address (no password in it).
    public let location: String
    /// PostgreSQL's password; nil for SQLite.
    public let password: String?

    init(kind: StoreKind, folder: String, location: String, password: String?) {
        self.kind = kind
        self.folder = folder
        self.location = location
        self.password = password
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The environment a `convene` process needs beside `--db location`: the password, as `$PGPASSWORD`.
    public var environment: [String: String] { password.map { ["PGPASSWORD": $0] } ?? [:] }

    /// Opens (and, unless told otherwise, makes) the store.
    public func open(create: Bool = true, readOnly: Bool = false) throws -> Store {
        try Store.open(location, password: password, create: create, readOnly: readOnly)
    }
}

extension Store {
    /// A second handle on the same database, as another process would open it (PostgreSQL's test
    /// password, since a store's address never holds one).
    public func openedAgain(readOnly: Bool = false) throws -> Store {
        try Store.open(path, password: PostgresAddress.isAddress(path) ? PostgresServer.password : nil, create: false,
                       readOnly: readOnly)
    }
}
