import GRDB

extension Migrations {
    /// How far the organizer's digest has reported: the last audit entry and held reply it covered,
    /// and the conflicts (as worded) it already named. One row; absent before the first digest.
    static func digest(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE digest_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                audit_id INTEGER NOT NULL,
                held_id INTEGER NOT NULL,
                conflicts TEXT NOT NULL,
                digested_at TEXT NOT NULL
            );
            """)
    }
}
