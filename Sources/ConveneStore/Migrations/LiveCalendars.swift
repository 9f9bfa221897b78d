import GRDB

extension Migrations {
    /// People's live calendars: one row a person, the address, the busy times of the last good read
    /// (JSON, never titles) and the fetch state. Saving an address or new busy times is a fact and goes
    /// through `Store.save`; a fetch that changes nothing else only updates the state columns.
    static func liveCalendars(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE live_calendar (
                person_id TEXT PRIMARY KEY NOT NULL REFERENCES person(id),
                address TEXT NOT NULL,
                busy TEXT NOT NULL,
                fetched_at TEXT,
                changed_at TEXT,
                etag TEXT,
                last_modified TEXT,
                error TEXT,
                failures INTEGER NOT NULL DEFAULT 0
            );
            """)
    }
}
