import GRDB

extension Migrations {
    /// Messages of the organizer's mailbox that could not be read: left unflagged on the server,
    /// remembered here so each is reported once. `mailbox` is the folder URL, `uid` its IMAP UID.
    static func mailboxUnreadable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE mailbox_unreadable (
                mailbox TEXT NOT NULL,
                uid INTEGER NOT NULL,
                reason TEXT NOT NULL,
                reported_at TEXT NOT NULL,
                PRIMARY KEY (mailbox, uid)
            );
            """)
    }
}
