import ConveneApp
@testable import ConveneStore
import Foundation
import ConveneTestFixtures
import Testing

/// `StoredEvent.choose`, the one place a command's event is picked, on real store files.
struct StoredEventTests {
    @Test func theOnlyEventIsPickedWithOrWithoutItsID() throws {
        let (store, dir) = try Forum.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try store.eventIDs() == ["test-forum"])
        #expect(try StoredEvent.choose(nil, in: store) == "test-forum")
        #expect(try StoredEvent.choose("test-forum", in: store) == "test-forum")
        #expect(throws: AppError("the store holds no event 'seminar-2027'; it holds test-forum")) {
            try StoredEvent.choose("seminar-2027", in: store)
        }
    }

    /// An event's version numbers are consecutive only while the store holds it alone; a refusal lists them in runs.
    @Test func versionNumbersAreListedInRuns() {
        #expect(StoredEvent.spans([1, 2, 3, 7, 9, 10, 11, 12]) == "1–3, 7, 9–12")
        #expect(StoredEvent.spans([2]) == "2")
        #expect(StoredEvent.spans([]) == "")
    }

    @Test func anEmptyStorePicksNothing() throws {
        let dir = NSTemporaryDirectory() + "convene-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/empty.sqlite")
        #expect(try StoredEvent.choose(nil, in: store) == nil)
        #expect(try StoredEvent.choose("test-forum", in: store) == nil)
    }

    @Test func severalEventsNeedAnIDAndTheRefusalNamesThem() throws {
        let (store, dir) = try Forum.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A second event row beside the forum, as a store holding two events has them.
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO event (id, name, time_zone, plan_file, data, imported_at)
                SELECT 'seminar-2027', name, time_zone, plan_file, data, imported_at FROM event
                """)
        }
        #expect(try store.eventIDs() == ["seminar-2027", "test-forum"])
        #expect(throws: AppError("the store holds 2 events: seminar-2027, test-forum; give --event ID")) {
            try StoredEvent.choose(nil, in: store)
        }
        #expect(try StoredEvent.choose("seminar-2027", in: store) == "seminar-2027")
    }
}
