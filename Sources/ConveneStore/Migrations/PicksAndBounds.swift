import GRDB

extension Migrations {
    /// The people a schedule picks for sessions from their candidates, and each version's lower
    /// bound (what no schedule of the plan as it then stood could beat). Versions saved before
    /// this step pick nobody and have no bound.
    static func picksAndBounds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE assignment_pick (
                version INTEGER NOT NULL,
                session_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                person_id TEXT NOT NULL REFERENCES person(id),
                PRIMARY KEY (version, session_id, position),
                FOREIGN KEY (version, session_id) REFERENCES assignment(version, session_id)
            );
            ALTER TABLE schedule_version ADD COLUMN bound_unscheduled INTEGER;
            ALTER TABLE schedule_version ADD COLUMN bound_soft INTEGER;
            """)
    }
}
