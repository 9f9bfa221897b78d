import ConveneCore
import Foundation
import Testing
@testable import ConveneStore

/// A store of many events answers a question about one event through an index that starts with the
/// event, so the work follows that event's rows, not the whole store's (checked on SQLite's own plan).
struct StoreQueryPlanTests {
    /// SQLite's plan for a statement, one line a step.
    static func plan(of statement: (sql: String, arguments: SQLArguments), _ db: SQLDatabase) throws -> [String] {
        try SQLRow.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments).map { try $0.value("detail") }
    }

    @Test func oneEventsMessagesInAStateAreFoundThroughTheEventsIndexInOrder() throws {
        let (tmp, store) = try twoEventStore()
        defer { withExtendedLifetime(tmp) {} }
        let forum = store.scoped(to: "forum")
        for state in [OutboxMessage.State.queued, .sent, .failed, .superseded] {
            let plan = try forum.read { db in try Self.plan(of: try forum.outboxMessages(state, db), db) }
            #expect(plan.contains { $0.contains("outbox_event_state (event_id=? AND state=?)") }, "\(state): \(plan)")
            // Already in the order queued: no sort of the event's rows either.
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(state): \(plan)")
        }
    }
}
