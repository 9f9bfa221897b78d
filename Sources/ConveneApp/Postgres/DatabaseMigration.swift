public import ConveneStore
import Foundation

/// Moving a store from its SQLite file to PostgreSQL (`convene migrate`).
public enum DatabaseMigration {
    /// The PostgreSQL database `url` names, logging in with the password from `passwordFile` (a file
    /// only its owner can read), else `$PGPASSWORD`, else none (a server that trusts the user).
    public static func address(_ url: String, passwordFile: String?, environment: [String: String]) throws -> PostgresAddress {
        let password = try passwordFile.map(SecretFile.read) ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        return try PostgresAddress(url, password: password)
    }

    /// Copies the SQLite file at `path` (first brought up to date, as every command does) into the empty
    /// database at `address`, and reads back each table's rows and checksum on both sides. When any
    /// table differs the report says which, and nothing was kept in PostgreSQL.
    public static func copy(from path: String, to address: PostgresAddress) async throws -> CopyReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AppError("no database at \(path) (give --from the SQLite file to copy)")
        }
        let store = try Store(path: path, create: false)
        return try await PostgresCopy.copy(from: store, to: address)
    }
}
