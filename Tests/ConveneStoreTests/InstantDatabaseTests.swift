import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import ConveneTestFixtures

/// Instants go in and out of the database as their ISO 8601 text, through one conversion.
struct InstantDatabaseTests {
    @Test func anInstantIsStoredAsTheTextItAlwaysWas() throws {
        let tokyo = try #require(Instant(iso8601: "2027-02-22T09:30:00+09:00"))
        #expect(tokyo.sqlValue == .text("2027-02-22T09:30:00+09:00"))
        let back = try #require(Instant.from(tokyo.sqlValue))
        #expect(back == tokyo && back.utcOffsetSeconds == 9 * 3600)
        #expect(Instant.from(.text("next Tuesday")) == nil)
        #expect(Instant.from(.null) == nil)
    }

    /// A row whose time is not a time makes the read fail with an error, where it used to crash the process.
    @Test(arguments: StoreKind.available) func aDamagedTimeIsAnErrorNotACrash(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        try store.write { db in
            try db.execute(sql: "INSERT INTO audit_log (at, command, action, detail) VALUES ('yesterday', 'import', 'import', '')")
        }
        #expect(throws: (any Error).self) { try store.auditLog() }
        try store.write { db in try db.execute(sql: "UPDATE audit_log SET at = '2027-01-10T18:00:00+09:00'") }
        #expect(try store.auditLog().map(\.at) == [Instant(iso8601: "2027-01-10T09:00:00Z")!])
    }
}
