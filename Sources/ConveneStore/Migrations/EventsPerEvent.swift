import GRDB

extension Migrations {
    /// Many events in one store. Rooms, people and sessions are keyed by (event, id), so two events
    /// may use the same ids; every row that belongs to an event says which, and points at its
    /// rooms, people and sessions through composite keys. The facts revision and the digest's
    /// cursor become one row per event. Audit entries and held replies may belong to no event
    /// (store-wide entries, replies matched to none). Tokens and live calendars stay per person,
    /// who is one person across events: they no longer point at `person` (whose id alone is no
    /// longer unique), and the store checks the person instead.
    ///
    /// Rows written before this step belong to the one event the file held. SQLite cannot change
    /// keys in place, so each table is rebuilt (new table, copy, drop, rename), rows, indexes and
    /// AUTOINCREMENT counters kept; the migrator checks every foreign key before it commits.
    static func eventsPerEvent(_ db: Database) throws {
        let events = try String.fetchAll(db, sql: "SELECT id FROM event")
        guard events.count <= 1 else {
            throw DatabaseError(message: "v7-events-per-event: the database holds \(events.count) events where it could hold one")
        }
        let counters = try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence")
        // The one event, for rows that did not say which.
        let one = "(SELECT id FROM event)"
        let entity = """
            event_id TEXT NOT NULL REFERENCES event(id),
                position INTEGER NOT NULL,
            """
        try rebuild(db, "room", """
            id TEXT NOT NULL,
            \(entity)
            name TEXT NOT NULL,
            data TEXT NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (event_id, id)
            """, event: nil)
        try rebuild(db, "person", """
            id TEXT NOT NULL,
            \(entity)
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            stakeholder_group TEXT NOT NULL,
            data TEXT NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (event_id, id)
            """, event: nil, indexes: ["CREATE INDEX person_id ON person(id)"])
        try rebuild(db, "session", """
            id TEXT NOT NULL,
            \(entity)
            title TEXT NOT NULL,
            data TEXT NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (event_id, id)
            """, event: nil)
        try rebuild(db, "busy_period", """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL REFERENCES event(id),
            person_id TEXT NOT NULL,
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            strength TEXT NOT NULL,
            summary TEXT,
            source TEXT,
            FOREIGN KEY (event_id, person_id) REFERENCES person(event_id, id)
            """, event: one, indexes: ["CREATE INDEX busy_period_person ON busy_period(event_id, person_id)"])
        try rebuild(db, "schedule_version", """
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL REFERENCES event(id),
            created_at TEXT NOT NULL,
            command TEXT NOT NULL,
            reason TEXT,
            score_unscheduled INTEGER,
            score_soft INTEGER,
            bound_unscheduled INTEGER,
            bound_soft INTEGER
            """, event: one, indexes: ["CREATE INDEX schedule_version_event ON schedule_version(event_id, number)"])
        try rebuild(db, "assignment", """
            event_id TEXT NOT NULL,
            version INTEGER NOT NULL REFERENCES schedule_version(number),
            session_id TEXT NOT NULL,
            room_id TEXT NOT NULL,
            start TEXT NOT NULL,
            PRIMARY KEY (version, session_id),
            FOREIGN KEY (event_id, session_id) REFERENCES session(event_id, id),
            FOREIGN KEY (event_id, room_id) REFERENCES room(event_id, id)
            """, event: one)
        try rebuild(db, "unscheduled", """
            event_id TEXT NOT NULL,
            version INTEGER NOT NULL REFERENCES schedule_version(number),
            session_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (version, session_id),
            FOREIGN KEY (event_id, session_id) REFERENCES session(event_id, id)
            """, event: one)
        try rebuild(db, "assignment_pick", """
            event_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            PRIMARY KEY (version, session_id, position),
            FOREIGN KEY (version, session_id) REFERENCES assignment(version, session_id),
            FOREIGN KEY (event_id, person_id) REFERENCES person(event_id, id)
            """, event: one)
        try rebuild(db, "audit_log", """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT REFERENCES event(id),
            at TEXT NOT NULL,
            command TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT,
            detail TEXT NOT NULL,
            version INTEGER REFERENCES schedule_version(number),
            actor TEXT
            """, event: one, indexes: ["CREATE INDEX audit_log_event ON audit_log(event_id, id)"])
        try rebuild(db, "admin_pin", """
            event_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            room_id TEXT NOT NULL,
            start TEXT NOT NULL,
            pinned_at TEXT NOT NULL,
            PRIMARY KEY (event_id, session_id),
            FOREIGN KEY (event_id, session_id) REFERENCES session(event_id, id)
            """, event: one)
        for kind in ["feed", "page"] {
            try rebuild(db, "\(kind)_token", """
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                revoked_at TEXT
                """, event: nil, indexes: kind == "feed"
                    ? ["CREATE UNIQUE INDEX feed_token_live_person ON feed_token(person_id) WHERE revoked_at IS NULL"]
                    : ["CREATE INDEX page_token_person ON page_token(person_id, revoked_at)"])
        }
        try rebuild(db, "live_calendar", """
            person_id TEXT PRIMARY KEY NOT NULL,
            address TEXT NOT NULL,
            busy TEXT NOT NULL,
            fetched_at TEXT,
            changed_at TEXT,
            etag TEXT,
            last_modified TEXT,
            error TEXT,
            failures INTEGER NOT NULL DEFAULT 0
            """, event: nil)
        try rebuild(db, "rsvp", """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('accepted', 'declined', 'tentative')),
            replied_at TEXT,
            received_at TEXT NOT NULL,
            source TEXT NOT NULL,
            comment TEXT,
            room_id TEXT,
            start TEXT,
            FOREIGN KEY (event_id, person_id) REFERENCES person(event_id, id),
            FOREIGN KEY (event_id, session_id) REFERENCES session(event_id, id)
            """, event: one, indexes: ["CREATE INDEX rsvp_person_session ON rsvp(event_id, person_id, session_id)"])
        try rebuild(db, "schedule_release", """
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL REFERENCES event(id),
            version INTEGER NOT NULL REFERENCES schedule_version(number),
            published_at TEXT NOT NULL,
            reason TEXT
            """, event: one, indexes: ["CREATE INDEX schedule_release_event ON schedule_release(event_id, number)"])
        try rebuild(db, "held_reply", """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT REFERENCES event(id),
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
            """, event: one)
        try rebuild(db, "availability_answer", """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            any_time INTEGER NOT NULL CHECK (any_time IN (0, 1)),
            note TEXT,
            cells TEXT NOT NULL,
            FOREIGN KEY (event_id, person_id) REFERENCES person(event_id, id)
            """, event: one, indexes: ["CREATE INDEX availability_answer_person ON availability_answer(event_id, person_id, id)"])
        try rebuild(db, "outbox", """
            message_id TEXT PRIMARY KEY NOT NULL,
            event_id TEXT NOT NULL REFERENCES event(id),
            person_id TEXT,
            session_id TEXT,
            uid TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            method TEXT CHECK (method IN ('REQUEST', 'CANCEL')),
            kind TEXT NOT NULL,
            room_id TEXT NOT NULL,
            start TEXT NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            message BLOB NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'superseded')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_attempt_at TEXT,
            queued_at TEXT NOT NULL,
            sent_at TEXT,
            version INTEGER REFERENCES schedule_version(number),
            position INTEGER NOT NULL,
            required INTEGER,
            release INTEGER REFERENCES schedule_release(number),
            claimed_at TEXT,
            FOREIGN KEY (event_id, person_id) REFERENCES person(event_id, id),
            FOREIGN KEY (event_id, session_id) REFERENCES session(event_id, id)
            """, event: one, indexes: [
                "CREATE INDEX outbox_state ON outbox(state, position)",
                "CREATE INDEX outbox_person_session ON outbox(event_id, person_id, session_id, position)",
            ])
        // One row per event: the old single row becomes the one event's (none before any import).
        try db.execute(sql: """
            CREATE TABLE facts_revision_rebuilt (
                event_id TEXT PRIMARY KEY NOT NULL REFERENCES event(id),
                number INTEGER NOT NULL
            );
            INSERT INTO facts_revision_rebuilt (event_id, number) SELECT e.id, f.number FROM facts_revision f, event e;
            DROP TABLE facts_revision;
            ALTER TABLE facts_revision_rebuilt RENAME TO facts_revision;
            CREATE TABLE digest_state_rebuilt (
                event_id TEXT PRIMARY KEY NOT NULL REFERENCES event(id),
                audit_id INTEGER NOT NULL,
                held_id INTEGER NOT NULL,
                conflicts TEXT NOT NULL,
                digested_at TEXT NOT NULL
            );
            INSERT INTO digest_state_rebuilt (event_id, audit_id, held_id, conflicts, digested_at)
                SELECT e.id, d.audit_id, d.held_id, d.conflicts, d.digested_at FROM digest_state d, event e;
            DROP TABLE digest_state;
            ALTER TABLE digest_state_rebuilt RENAME TO digest_state;
            """)
        // A counter never goes back: ids once given (then deleted) are not given again.
        for row in counters {
            let name: String = row["name"]
            let seq: Int64 = row["seq"]
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [seq, name])
            if db.changesCount == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [name, seq])
            }
        }
    }

    /// Rebuilds `table` with the columns `body` declares, copying every column it had; `event`, when
    /// given, is the SQL of the `event_id` of rows that had none. Old indexes go with the old table;
    /// `indexes` are made anew.
    private static func rebuild(_ db: Database, _ table: String, _ body: String, event: String?, indexes: [String] = []) throws {
        let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
            .map { $0["name"] as String }
        guard !columns.isEmpty else { throw DatabaseError(message: "v7-events-per-event: no table \(table)") }
        let copied = columns.joined(separator: ", ")
        let into = event == nil ? copied : copied + ", event_id"
        let from = event.map { copied + ", " + $0 } ?? copied
        try db.execute(sql: "CREATE TABLE \(table)_rebuilt (\n\(body)\n)")
        try db.execute(sql: """
            INSERT INTO \(table)_rebuilt (\(into)) SELECT \(from) FROM \(table);
            DROP TABLE \(table);
            ALTER TABLE \(table)_rebuilt RENAME TO \(table);
            """)
        for index in indexes { try db.execute(sql: index) }
    }
}
