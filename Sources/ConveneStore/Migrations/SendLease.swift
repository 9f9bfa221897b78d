import GRDB

extension Migrations {
    /// The one row that says which process may send mail from this database, and until when.
    /// A process that dies keeps it only until `expires_at`; the row is never more than one.
    static func sendLease(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE send_lease (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                holder TEXT NOT NULL,
                taken_at TEXT NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """)
    }
}
