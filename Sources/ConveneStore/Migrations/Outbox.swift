import GRDB

extension Migrations {
    /// The outbox of invitation mail and the RSVP answers that come back.
    static func outbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
                message_id TEXT PRIMARY KEY NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                session_id TEXT NOT NULL REFERENCES session(id),
                uid TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                method TEXT NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),
                kind TEXT NOT NULL,
                room_id TEXT NOT NULL,
                start TEXT NOT NULL,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                message BLOB NOT NULL,
                state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                next_attempt_at TEXT,
                queued_at TEXT NOT NULL,
                sent_at TEXT,
                version INTEGER REFERENCES schedule_version(number),
                position INTEGER NOT NULL
            );
            CREATE INDEX outbox_state ON outbox(state, position);
            CREATE INDEX outbox_person_session ON outbox(person_id, session_id, position);
            CREATE TABLE rsvp (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL REFERENCES person(id),
                session_id TEXT NOT NULL REFERENCES session(id),
                sequence INTEGER NOT NULL,
                answer TEXT NOT NULL CHECK (answer IN ('accepted', 'declined', 'tentative')),
                replied_at TEXT,
                received_at TEXT NOT NULL,
                source TEXT NOT NULL
            );
            CREATE INDEX rsvp_person_session ON rsvp(person_id, session_id);
            """)
    }
}
