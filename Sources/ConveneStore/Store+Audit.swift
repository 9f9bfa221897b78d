public import ConveneCore
package import GRDB

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
}

extension Store {
    package func audit(
        _ db: Database, at now: Instant, command: String, action: String, reason: String? = nil, detail: String,
        version: Int64? = nil
    ) throws {
        var r = AuditRecord(id: nil, at: now.iso8601, command: command, action: action, reason: reason, detail: detail,
                            version: version)
        try r.insert(db)
    }

    /// The whole audit log, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try read { db in
            try AuditRecord.order(AuditRecord.Columns.id).fetchAll(db).map {
                AuditEntry(id: Int($0.id!), at: Instant(iso8601: $0.at)!, command: $0.command, action: $0.action,
                           reason: $0.reason, detail: $0.detail, version: $0.version.map(Int.init))
            }
        }
    }
}
