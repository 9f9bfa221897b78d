import GRDB

extension Migrations {
    /// People's own availability answers from their pages. Every save is a new row and the latest
    /// of a person is in force, so two saves at once both land and nothing is overwritten.
    static func availability(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE availability_answer (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id TEXT NOT NULL REFERENCES person(id),
                answered_at TEXT NOT NULL,
                any_time INTEGER NOT NULL CHECK (any_time IN (0, 1)),
                note TEXT,
                cells TEXT NOT NULL
            );
            CREATE INDEX availability_answer_person ON availability_answer(person_id, id);
            """)
    }
}
