public import ConveneCore
import Foundation

/// One line of the audit log: what was done, when, by which command, and why.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int
    public var at: Instant
    public var command: String
    public var action: String
    public var reason: String?
    public var detail: String
    /// The schedule version the action made, if it made one.
    public var version: Int?
    /// Who did it: the account that ran the command, or e.g. `Ito Naoko, on their page`; nil in entries
    /// written before the log kept it.
    public var actor: String?

    /// An entry as the log holds it.
    public init(id: Int, at: Instant, command: String, action: String, reason: String?, detail: String, version: Int?,
                actor: String?) {
        self.id = id
        self.at = at
        self.command = command
        self.action = action
        self.reason = reason
        self.detail = detail
        self.version = version
        self.actor = actor
    }
}

extension Store {
    /// Writes an audit entry of `event` (nil: store-wide) inside a caller's transaction.
    func audit(
        _ db: SQLDatabase, event: String?, at now: Instant, command: String, action: String, reason: String? = nil, detail: String,
        version: Int64? = nil
    ) throws {
        try AuditRecord(id: nil, eventId: event, at: now, command: command, action: action, reason: reason, detail: detail,
                        version: version, actor: actor).insert(db)
    }

    /// The event's audit log with the store-wide entries, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try read { db in
            let f = try inEvent(db, orStoreWide: true)
            return try AuditRecord.fetchAll(db, sql: "SELECT * FROM audit_log WHERE \(f.sql) ORDER BY id", arguments: f.arguments).map {
                AuditEntry(id: Int($0.id!), at: $0.at, command: $0.command, action: $0.action,
                           reason: $0.reason, detail: $0.detail, version: $0.version.map(Int.init), actor: $0.actor)
            }
        }
    }

    /// The same database, writing `actor` as who made the changes it records (the server, say, for a
    /// person answering on their page).
    public func acting(as actor: String) -> Store { Store(backend: backend, path: path, actor: actor, eventID: eventID) }

    /// The account running this process, as the audit log names it.
    static var processUser: String {
        let environment = ProcessInfo.processInfo.environment
        return [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
    }
}
