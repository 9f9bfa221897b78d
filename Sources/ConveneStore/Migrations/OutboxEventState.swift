import GRDB

extension Migrations {
    /// One event's queued (or sent, failed) messages found without reading every other event's: with a
    /// hundred events a per-event question (what is due, `status`) otherwise walks the whole store's
    /// queue through `outbox_state`.
    static func outboxEventState(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX outbox_event_state ON outbox(event_id, state, position)")
    }
}
