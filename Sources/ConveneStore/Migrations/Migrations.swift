import GRDB

/// The schema, as named append-only steps. A step is never edited once released:
/// a change is a new step. Steps use plain SQL, never application types.
enum Migrations {
    /// The first step: a database that does not record it is not Convene's.
    static let first = "v1-plan-and-schedule"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(first, migrate: v1)
        m.registerMigration("v2-admin-pins-and-undo", migrate: admin)
        m.registerMigration("v3-feed-tokens", migrate: feedTokens)
        m.registerMigration("v4-outbox-and-rsvp", migrate: outbox)
        m.registerMigration("v5-outbox-message-blob", migrate: outboxMessageBlob)
        m.registerMigration("v5-publish-releases", migrate: publishReleases)
        m.registerMigration("v5-publish-outbox", migrate: publishOutbox)
        m.registerMigration("v5-publish-answers", migrate: publishAnswers)
        m.registerMigration("v6-picks-and-bounds", migrate: picksAndBounds)
        m.registerMigration("v7-held-replies", migrate: heldReplies)
        m.registerMigration("v7-store-facts-revision", migrate: factsRevision)
        m.registerMigration("v7-store-outbox-claims", migrate: outboxClaims)
        m.registerMigration("v7-admin-audit-actor", migrate: auditActor)
        m.registerMigration("v7-availability", migrate: availability)
        m.registerMigration("v7-page-tokens", migrate: pageTokens)
        m.registerMigration("v7-mailbox-unreadable", migrate: mailboxUnreadable)
        m.registerMigration("v7-service-send-lease", migrate: sendLease)
        m.registerMigration("v7-ask-outbox", migrate: askOutbox)
        m.registerMigration("v7-ask-page-links", migrate: askPageLinks)
        m.registerMigration("v7-live-calendars", migrate: liveCalendars)
        m.registerMigration("v7-digest", migrate: digest)
        m.registerMigration("v7-digest-outbox", migrate: digestOutbox)
        m.registerMigration("v7-events-per-event", migrate: eventsPerEvent)
        m.registerMigration("v7-events-outbox-index", migrate: outboxEventState)
        return m
    }

    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                plan_file TEXT NOT NULL,
                data TEXT NOT NULL,
                imported_at TEXT NOT NULL
            );
            CREATE TABLE room (
                id TEXT PRIMARY KEY NOT NULL,
                event_id TEXT NOT NULL REFERENCES event(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL,
                removed_at TEXT
            );
            CREATE TABLE person (
                id TEXT PRIMARY KEY NOT NULL,
                event_id TEXT NOT NULL REFERENCES event(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                stakeholder_group TEXT NOT NULL,
                data TEXT NOT NULL,
                removed_at TEXT
            );
            CREATE TABLE session (
                id TEXT PRIMARY KEY NOT NULL,
                event_id TEXT NOT NULL REFERENCES event(id),
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                data TEXT NOT NULL,
                removed_at TEXT
            );
            CREATE TABLE busy_period (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL REFERENCES person(id),
                start TEXT NOT NULL,
                end TEXT NOT NULL,
                strength TEXT NOT NULL,
                summary TEXT,
                source TEXT
            );
            CREATE INDEX busy_period_person ON busy_period(person_id);
            CREATE TABLE schedule_version (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at TEXT NOT NULL,
                command TEXT NOT NULL,
                reason TEXT,
                score_unscheduled INTEGER,
                score_soft INTEGER
            );
            CREATE TABLE assignment (
                version INTEGER NOT NULL REFERENCES schedule_version(number),
                session_id TEXT NOT NULL REFERENCES session(id),
                room_id TEXT NOT NULL REFERENCES room(id),
                start TEXT NOT NULL,
                PRIMARY KEY (version, session_id)
            );
            CREATE TABLE unscheduled (
                version INTEGER NOT NULL REFERENCES schedule_version(number),
                session_id TEXT NOT NULL REFERENCES session(id),
                reason TEXT NOT NULL,
                PRIMARY KEY (version, session_id)
            );
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                command TEXT NOT NULL,
                action TEXT NOT NULL,
                reason TEXT,
                detail TEXT NOT NULL,
                version INTEGER REFERENCES schedule_version(number)
            );
            """)
    }
}
