public import ConveneStore
import Foundation

/// Where the store is, as `--db` or `$CONVENE_DB` names it: an SQLite file's path, or a PostgreSQL
/// database's address (`postgres://USER@HOST[:PORT]/DB`) whose password comes from a file only its
/// owner can read, else `$PGPASSWORD`.
public struct StoreLocation: Sendable {
    /// The path or address.
    public var text: String
    /// A file holding the PostgreSQL password on its first line.
    public var passwordFile: String?
    /// The environment `$PGPASSWORD` is read from.
    public var environment: [String: String]

    /// The store `text` names.
    public init(_ text: String, passwordFile: String? = nil, environment: [String: String]) {
        self.text = text
        self.passwordFile = passwordFile
        self.environment = environment
    }

    /// True when the store is a PostgreSQL database.
    public var isPostgres: Bool { PostgresAddress.isAddress(text) }

    /// Opens the store; see `Store.init(path:create:readOnly:)` and `Store.init(postgres:create:readOnly:)`.
    public func open(create: Bool = false, readOnly: Bool = false) throws -> Store {
        guard isPostgres else { return try Store(path: text, create: create, readOnly: readOnly) }
        let address = try DatabaseMigration.address(text, passwordFile: passwordFile, environment: environment)
        return try Store(postgres: address, create: create, readOnly: readOnly)
    }
}
