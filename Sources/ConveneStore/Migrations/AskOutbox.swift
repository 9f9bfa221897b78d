import GRDB

extension Migrations {
    /// The outbox also holds mail about no session (a request for availability, with no iTIP part):
    /// its session and method may be NULL; a session, when given, must still exist.
    static func askOutbox(_ db: Database) throws {
        try rebuildOutbox(db, migration: "v7-ask-outbox", changes: [
            ("session_id TEXT NOT NULL REFERENCES session(id)", "session_id TEXT REFERENCES session(id)"),
            ("method TEXT NOT NULL CHECK", "method TEXT CHECK"),
        ])
    }

    /// The outbox also holds mail to an address that is no person of the event (the organizer's
    /// digest): its person may be NULL; a person, when given, must still exist.
    static func digestOutbox(_ db: Database) throws {
        try rebuildOutbox(db, migration: "v7-digest-outbox", changes: [
            ("person_id TEXT NOT NULL REFERENCES person(id)", "person_id TEXT REFERENCES person(id)"),
        ])
    }

    /// Rebuilds the outbox from its own schema (whatever columns it has by now) with each change
    /// made, rows and indexes kept: SQLite cannot change a column's constraints in place.
    private static func rebuildOutbox(_ db: Database, migration: String, changes: [(String, String)]) throws {
        guard var schema = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"),
              let open = schema.firstIndex(of: "("), changes.allSatisfy({ schema.contains($0.0) })
        else { throw DatabaseError(message: "\(migration): the outbox table is not as expected") }
        for (old, new) in changes { schema = schema.replacingOccurrences(of: old, with: new) }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL")
        try db.execute(sql: "CREATE TABLE outbox_rebuilt " + schema[open...])
        try db.execute(sql: """
            INSERT INTO outbox_rebuilt SELECT * FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_rebuilt RENAME TO outbox;
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
