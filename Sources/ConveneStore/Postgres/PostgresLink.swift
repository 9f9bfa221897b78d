import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One open connection to the PostgreSQL database at an address; its errors are `StoreError`s that
/// name the address (never the password).
final class PostgresLink: Sendable {
    let connection: PostgresConnection
    let address: PostgresAddress
    static let logger = Logger(label: "convene.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(connection: PostgresConnection, address: PostgresAddress) {
        self.connection = connection
        self.address = address
    }

    /// Connects and logs in; an unreachable server, a refused login and a missing database each say so.
    static func open(_ address: PostgresAddress) async throws -> PostgresLink {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return PostgresLink(connection: connection, address: address)
        } catch {
            throw describe(error, address: address)
        }
    }

    deinit {
        // A link dropped on an error path, before `close()`: the connection must still be closed, and
        // postgres-nio requires it to outlive the closing.
        let connection = connection
        if !connection.isClosed { connection.close().whenComplete { _ in _ = connection } }
    }

    /// Closes the connection; a failure to close is of no consequence to what was done.
    func close() async {
        try? await connection.close()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await connection.query(query, logger: Self.logger).collect()
        } catch {
            throw Self.describe(error, address: address)
        }
    }

    /// Runs one statement and hands its rows to `body` as they arrive, without holding them all.
    func forEachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) async throws {
        do {
            for try await row in try await connection.query(query, logger: Self.logger) { try body(row) }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Self.describe(error, address: address)
        }
    }

    /// Runs statements in one transaction: all of them are kept, or, when `body` throws, none.
    func transaction<T: Sendable>(_ body: (PostgresLink) async throws -> T) async throws -> T {
        try await rows("BEGIN")
        do {
            let value = try await body(self)
            try await rows("COMMIT")
            return value
        } catch {
            _ = try? await rows("ROLLBACK")
            throw error
        }
    }

    /// A `StoreError` saying what went wrong with the database at `address`, in the words a person
    /// setting up the connection needs.
    static func describe(_ error: any Error, address: PostgresAddress) -> StoreError {
        guard let e = error as? PSQLError else {
            return StoreError("PostgreSQL at \(address.host):\(address.port): \(error)")
        }
        let at = "PostgreSQL at \(address.host):\(address.port)"
        switch e.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            let why = e.underlying.map(reason) ?? "\(e.code)"
            return StoreError("cannot reach \(at) (\(why)); is the server running, and is the address \(address) right?")
        case .authMechanismRequiresPassword:
            return StoreError("\(at) asks a password of user '\(address.user)'; give it with --password-file FILE or $PGPASSWORD")
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            let message = e.serverInfo?[.message] ?? "error \(state)"
            switch state {
            case "28P01", "28000":
                return StoreError("\(at) refused user '\(address.user)': \(message) (check --password-file or $PGPASSWORD)")
            case "3D000":
                return StoreError("\(at) has no database '\(address.database)' (\(message)); create it first (createdb)")
            case "55P03":
                return StoreError("\(address) is busy: another convene process is writing to it; try again in a moment")
            default:
                var text = "\(address): \(message)"
                if let detail = e.serverInfo?[.detail] { text += " (\(detail))" }
                return StoreError(text)
            }
        default:
            return StoreError("\(address): \(e.code)")
        }
    }

    /// Why a connection could not be made, in a few words ("Connection refused").
    private static func reason(_ error: any Error) -> String {
        if let e = error as? NIOConnectionError {
            if let io = e.connectionErrors.lazy.compactMap({ $0.error as? IOError }).first {
                return String(cString: strerror(io.errnoCode))
            }
            if e.connectionErrors.isEmpty, e.dnsAError != nil || e.dnsAAAAError != nil { return "the host name does not resolve" }
        }
        if let e = error as? ChannelError, case .connectTimeout = e { return "no answer within 10 s" }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }
}
