import GRDB

extension Migrations {
    /// Private feed tokens: only a SHA-256 of each token is kept; at most one live token a person.
    static func feedTokens(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feed_token (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL REFERENCES person(id),
                hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE UNIQUE INDEX feed_token_live_person ON feed_token(person_id) WHERE revoked_at IS NULL;
            """)
    }
}
