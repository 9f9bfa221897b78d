import Foundation

/// Where a PostgreSQL database is: `postgres://USER@HOST[:PORT]/DB` (or `postgresql://`), with the
/// password given apart from the address.
///
/// An address that carries a password (`USER:PASSWORD@`) is refused: addresses end up in shell
/// history, process lists and logs. The password comes from a file or `$PGPASSWORD` instead, and
/// nothing this type prints ever shows it.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address, without brackets for IPv6.
    public let host: String
    /// The TCP port (5432 when the address names none).
    public let port: Int
    /// The role to log in as.
    public let user: String
    /// The database's name.
    public let database: String
    /// The password, if the server asks for one; never part of `description`.
    let password: String?

    /// Reads `url`; `password` is what `--password-file` or `$PGPASSWORD` gave (nil: none).
    public init(_ url: String, password: String?) throws {
        let shown = Self.withoutPassword(url)
        let form = "give postgres://USER@HOST[:PORT]/DATABASE"
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError("'\(shown)' is not a PostgreSQL address; \(form)")
        }
        guard c.password == nil else {
            throw StoreError("'\(shown)' carries a password; give it with --password-file FILE or $PGPASSWORD instead, "
                + "so it shows in no process list or log")
        }
        guard let user = c.user, !user.isEmpty else { throw StoreError("'\(shown)' names no user; \(form)") }
        guard let host = c.host, !host.isEmpty else { throw StoreError("'\(shown)' names no host; \(form)") }
        let path = c.percentEncodedPath
        let database = (path.hasPrefix("/") ? String(path.dropFirst()) : path).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw StoreError("'\(shown)' names no database; \(form)") }
        guard c.query == nil, c.fragment == nil else {
            throw StoreError("'\(shown)' has options after the database name; none are read yet, \(form)")
        }
        if let port = c.port, !(1...65535).contains(port) { throw StoreError("'\(shown)': the port must be 1 to 65535") }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = c.port ?? 5432
        self.user = c.user?.removingPercentEncoding ?? user
        self.database = database
        self.password = password
    }

    /// True when `text` is meant as a PostgreSQL address rather than an SQLite file's path.
    public static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// `postgres://USER@HOST:PORT/DATABASE`: the address as errors and reports show it.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// `text` with whatever stands between `USER:` and `@` replaced by `…`, for messages about an address
    /// that could not be read.
    static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "…" + String(text[at...])
    }
}
