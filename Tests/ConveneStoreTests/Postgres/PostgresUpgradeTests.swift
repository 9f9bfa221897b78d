import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// A PostgreSQL database an older Convene made is brought up to date when it is opened, keeping its
/// rows, as an SQLite file is; a step that cannot be replayed in place is refused and changes nothing.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresUpgradeTests {
    /// A new database holding the schema of the first `steps` migration steps and one event, as that
    /// older Convene left it.
    func older(_ steps: Int) throws -> PostgresAddress {
        let server = try PostgresServer.shared.get()
        let address = try PostgresAddress(try server.makeDatabase(), password: PostgresServer.password)
        let old = try PostgresSchema.after(steps)
        try PostgresBackend(address).write { db in
            for statement in old.statements { try db.execute(sql: statement) }
            for step in old.steps {
                try db.execute(sql: "INSERT INTO \(PostgresSchema.stepsTable) (identifier) VALUES (?)", arguments: [step])
            }
            try db.execute(sql: """
                INSERT INTO event (id, name, time_zone, plan_file, data, imported_at)
                VALUES ('forum', 'Forum', 'Asia/Tokyo', 'plan.yaml', '{}', '2027-01-01T00:00:00Z')
                """)
        }
        return address
    }

    func catalogue(_ address: PostgresAddress) throws -> (steps: [String], indexes: Set<String>, events: [String]) {
        try PostgresBackend(address).read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM \(PostgresSchema.stepsTable) ORDER BY identifier"),
             Set(try String.fetchAll(db, sql: "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()")),
             try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY id"))
        }
    }

    @Test func aStepThatAddsAnIndexIsReplayedAndTheRowsAreKept() throws {
        let current = try PostgresSchema.current()
        let previous = try PostgresSchema.after(current.steps.count - 1)
        #expect(try current.upgrade(from: previous)
            == [#"CREATE INDEX "outbox_event_state" ON "outbox" ("event_id", "state", "position")"#])

        let address = try older(current.steps.count - 1)
        #expect(try !catalogue(address).indexes.contains("outbox_event_state"))
        let store = try Store(postgres: address)
        let after = try catalogue(address)
        #expect(after.steps == current.steps.sorted())
        #expect(after.indexes.contains("outbox_event_state"))
        #expect(after.events == ["forum"])
        #expect(try store.status().event == "forum")
    }

    @Test func aStepThatRebuildsTablesIsRefusedAndNothingChanges() throws {
        let current = try PostgresSchema.current()
        let rebuild = try #require(current.steps.firstIndex(of: "v7-events-per-event"))
        let address = try older(rebuild)
        let before = try catalogue(address)
        #expect {
            try Store(postgres: address)
        } throws: { error in
            "\(error)".contains("the schema step 'v7-events-per-event'") && "\(error)".contains("nothing was changed")
        }
        #expect(try catalogue(address) == before)
    }

    @Test func aReadOnlyOpenOfAnOlderDatabaseSaysItMustBeOpenedForWritingOnce() throws {
        let current = try PostgresSchema.current()
        let address = try older(current.steps.count - 1)
        #expect {
            try Store(postgres: address, readOnly: true)
        } throws: { error in
            "\(error)".contains("without the step 'v7-events-outbox-index'")
        }
        #expect(try catalogue(address).steps.count == current.steps.count - 1)
    }
}
