import GRDB

extension Migrations {
    /// Admin pins, kept apart from the plan so a re-import keeps them, and which
    /// version each undo restored, so a second undo steps further back.
    static func admin(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE admin_pin (
                session_id TEXT PRIMARY KEY NOT NULL REFERENCES session(id),
                room_id TEXT NOT NULL,
                start TEXT NOT NULL,
                pinned_at TEXT NOT NULL
            );
            CREATE TABLE schedule_restore (
                version INTEGER PRIMARY KEY NOT NULL REFERENCES schedule_version(number),
                restores INTEGER NOT NULL REFERENCES schedule_version(number)
            );
            """)
    }
}
