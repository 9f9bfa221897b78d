public import ConveneCore

extension Store {
    /// Remembers a message of a mailbox that could not be read. Returns false when it was
    /// remembered before, so the caller reports each one once.
    public func rememberUnreadable(mailbox: String, uid: UInt32, reason: String, at now: Instant) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                INSERT INTO mailbox_unreadable (mailbox, uid, reason, reported_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (mailbox, uid) DO NOTHING
                """, arguments: [mailbox, Int64(uid), reason, now.iso8601])
            return db.changesCount == 1
        }
    }

    /// The UIDs of a mailbox's messages known to be unreadable.
    public func unreadableMessages(mailbox: String) throws -> Set<UInt32> {
        try read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT uid FROM mailbox_unreadable WHERE mailbox = ?", arguments: [mailbox])
                .map { UInt32(truncatingIfNeeded: $0) })
        }
    }
}
