import GRDB

extension Migrations {
    /// A counter every change of the facts (plan, calendars' busy times, answers, admin pins) raises
    /// in its own transaction, so a change worked out from facts that changed since is refused.
    static func factsRevision(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE facts_revision (
                id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                number INTEGER NOT NULL
            );
            INSERT INTO facts_revision (id, number) VALUES (1, 0);
            """)
    }

    /// When a delivery run last handed a message to the mail server: a queued message with a claim
    /// may have been delivered (the run died before it heard back), so it is never dropped unsent.
    static func outboxClaims(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE outbox ADD COLUMN claimed_at TEXT")
    }
}
