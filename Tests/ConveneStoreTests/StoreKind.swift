import ConveneTestFixtures
import Testing
@testable import ConveneStore

/// The stores a store test runs on: an SQLite file always, and a PostgreSQL database when the
/// tests' PostgreSQL server can run here, so the two backends cannot drift apart.
enum StoreKind: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    /// The kinds this machine can run.
    static let available: [StoreKind] = PostgresServer.unavailable == nil ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }

    /// A new, empty store of this kind.
    func makeStore() throws -> EmptyStore {
        switch self {
        case .sqlite:
            let tmp = try TemporaryDatabase()
            return EmptyStore(store: try Store(path: tmp.path), file: tmp)
        case .postgres:
            let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
            return EmptyStore(store: try Store(postgres: address), file: nil)
        }
    }
}

/// A new store, with the temporary file it lives in (removed when this goes) when it is an SQLite one.
struct EmptyStore {
    let store: Store
    let file: TemporaryDatabase?
}
