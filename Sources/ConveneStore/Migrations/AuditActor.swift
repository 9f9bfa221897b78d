import GRDB

extension Migrations {
    /// Who made each change in the audit log: the account that ran the command, or a person acting
    /// on their own page. Entries written before this step name nobody.
    static func auditActor(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN actor TEXT")
    }
}
