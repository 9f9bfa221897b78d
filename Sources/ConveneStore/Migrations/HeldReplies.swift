import GRDB

extension Migrations {
    /// Replies held for the organizer: sent by someone other than the attendee they speak for,
    /// or written in words. `state` is `held`, `recorded` or `dismissed`.
    static func heldReplies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE held_reply (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                received_at TEXT NOT NULL,
                file TEXT NOT NULL,
                sender TEXT,
                subject TEXT,
                sent_at TEXT,
                excerpt TEXT,
                attendee TEXT,
                calendar TEXT,
                reason TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'held',
                settled_at TEXT
            );
            """)
    }
}
