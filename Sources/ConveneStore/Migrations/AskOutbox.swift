import GRDB

extension Migrations {
    /// The outbox also holds mail about no session (a request for availability, with no iTIP part):
    /// its session and method may be NULL; a session, when given, must still exist.
    ///
    /// SQLite cannot change a column's constraints, so the table is rebuilt from its own schema
    /// (whatever columns it has by now), rows and indexes kept, as `v5-publish-outbox` does.
    static func askOutbox(_ db: Database) throws {
        let changes = [
            ("session_id TEXT NOT NULL REFERENCES session(id)", "session_id TEXT REFERENCES session(id)"),
            ("method TEXT NOT NULL CHECK", "method TEXT CHECK"),
        ]
        guard var schema = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"),
              let open = schema.firstIndex(of: "("), changes.allSatisfy({ schema.contains($0.0) })
        else { throw DatabaseError(message: "v7-ask-outbox: the outbox table is not as expected") }
        for (old, new) in changes { schema = schema.replacingOccurrences(of: old, with: new) }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL")
        try db.execute(sql: "CREATE TABLE outbox_v7 " + schema[open...])
        try db.execute(sql: """
            INSERT INTO outbox_v7 SELECT * FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_v7 RENAME TO outbox;
            """)
        for index in indexes { try db.execute(sql: index) }
    }
}

extension Migrations {
    /// A person may hold several live page links: those mailed (by publish or ask) are added beside
    /// the earlier ones, so a link once mailed keeps working; `pages issue` still revokes them all.
    static func askPageLinks(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX page_token_live_person;
            CREATE INDEX page_token_person ON page_token(person_id, revoked_at);
            """)
    }
}
