import Foundation
import GRDB

extension Migrations {
    /// Releases: which schedule version was made official when. Every version made before
    /// releases existed was published as it was made (feeds and mail followed each one), so
    /// each becomes a release dated when it was made: feeds keep their SEQUENCEs and bytes.
    static func publishReleases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE schedule_release (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                version INTEGER NOT NULL REFERENCES schedule_version(number),
                published_at TEXT NOT NULL,
                reason TEXT
            );
            INSERT INTO schedule_release (version, published_at, reason)
                SELECT number, created_at, reason FROM schedule_version ORDER BY number;
            """)
    }

    /// Outbox messages a later publish made unnecessary are kept as `superseded`; each message
    /// records the participant's role it told of and the release that queued it.
    ///
    /// SQLite cannot change a CHECK constraint, so the table is rebuilt from its own schema
    /// (whatever columns it has by now), rows and indexes kept.
    static func publishOutbox(_ db: Database) throws {
        let head = "CREATE TABLE outbox"
        let widened = "'sent', 'failed', 'superseded')"
        guard let schema = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"),
              schema.hasPrefix(head), schema.contains("'sent', 'failed')")
        else { throw DatabaseError(message: "v5-publish-outbox: the outbox table is not as expected") }
        let rebuilt = "CREATE TABLE outbox_v5" + schema.dropFirst(head.count)
            .replacingOccurrences(of: "'sent', 'failed')", with: widened)
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL")
        try db.execute(sql: rebuilt)
        try db.execute(sql: """
            INSERT INTO outbox_v5 SELECT * FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_v5 RENAME TO outbox;
            """)
        for index in indexes { try db.execute(sql: index) }
        try db.execute(sql: """
            ALTER TABLE outbox ADD COLUMN required INTEGER;
            ALTER TABLE outbox ADD COLUMN release INTEGER REFERENCES schedule_release(number);
            """)
    }

    /// An answer keeps its COMMENT and the room and start of the invitation it replied to, so it
    /// holds for that time and room whenever the session is there.
    static func publishAnswers(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE rsvp ADD COLUMN comment TEXT;
            ALTER TABLE rsvp ADD COLUMN room_id TEXT;
            ALTER TABLE rsvp ADD COLUMN start TEXT;
            UPDATE rsvp SET
                room_id = (SELECT o.room_id FROM outbox o WHERE o.person_id = rsvp.person_id AND o.session_id = rsvp.session_id
                           AND o.sequence = rsvp.sequence AND o.method = 'REQUEST' ORDER BY o.position DESC LIMIT 1),
                start = (SELECT o.start FROM outbox o WHERE o.person_id = rsvp.person_id AND o.session_id = rsvp.session_id
                         AND o.sequence = rsvp.sequence AND o.method = 'REQUEST' ORDER BY o.position DESC LIMIT 1);
            """)
    }
}
