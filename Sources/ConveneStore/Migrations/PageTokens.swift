import GRDB

extension Migrations {
    /// Private page tokens: the link to a person's own page, apart from their feed token (a feed link
    /// is pasted into calendar apps and shared; a page can change things). Same shape as `feed_token`.
    static func pageTokens(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE page_token (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL REFERENCES person(id),
                hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE UNIQUE INDEX page_token_live_person ON page_token(person_id) WHERE revoked_at IS NULL;
            """)
    }
}
