import ConveneCore
import Foundation
import GRDB
import Testing
@testable import ConveneStore

/// A mistyped path leaves nothing behind, and queued mail is stored as its bytes.
struct StoreHardeningTests {
    @Test func openingAMissingFileWithoutCreateLeavesNoFile() throws {
        let tmp = try TemporaryDatabase()
        #expect {
            try Store(path: tmp.path, create: false)
        } throws: { error in
            "\(error)".contains("no database at \(tmp.path)")
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.path))
        _ = try Store(path: tmp.path)
        #expect(try Store(path: tmp.path, create: false).status().sessions == 0)
    }

    static func message(_ id: String, bytes: [UInt8]) -> OutboxMessage {
        OutboxMessage(messageID: id, person: "p-a", session: "s-1", uid: "u", sequence: 0, kind: .invitation, room: "hall",
                      start: at("2027-02-22T09:00:00+09:00"), required: true, recipient: "a@example.org", subject: "s",
                      bytes: bytes, queuedAt: at("2027-01-01T00:00:00Z"), version: 1)
    }

    @Test func messagesAreStoredAsBlobs() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        _ = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"))],
                               at: at("2027-01-01T00:01:00Z"))
        let bytes = Array("Subject: é\r\n\r\nbody\r\n".utf8)
        try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [],
                                        queue: [Self.message("m1", bytes: bytes)]), at: at("2027-01-01T00:02:00Z"))
        let stored = try store.read { try Row.fetchOne($0, sql: "SELECT typeof(message), length(message) FROM outbox")! }
        #expect(stored[0] as String == "blob")
        #expect(stored[1] as Int == bytes.count)
        #expect(try store.outbox().first?.bytes == bytes)
    }

    /// A database written before `v5-outbox-message-blob` held each message as JSON text of decimal bytes.
    @Test func migrationTurnsOldJSONTextIntoBlobs() throws {
        let tmp = try TemporaryDatabase()
        let bytes = Array("From: a\r\n\r\nx".utf8)
        do {
            let queue = try DatabaseQueue(path: tmp.path)
            try Migrations.migrator.migrate(queue, upTo: "v4-outbox-and-rsvp")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO event VALUES ('demo', 'Demo', 'Asia/Tokyo', 'plan.yaml', '{}', '2027-01-01T00:00:00Z');
                    INSERT INTO person VALUES ('p-a', 'demo', 0, 'A', 'a@example.org', 'patient', '{}', NULL);
                    INSERT INTO session VALUES ('s-1', 'demo', 0, 'One', '{}', NULL);
                    """)
                try db.execute(sql: """
                    INSERT INTO outbox (message_id, person_id, session_id, uid, sequence, method, kind, room_id, start,
                        recipient, subject, message, queued_at, position)
                    VALUES ('m1', 'p-a', 's-1', 'u', 0, 'REQUEST', 'invitation', 'hall', '2027-02-22T00:00:00Z',
                        'a@example.org', 's', ?, '2027-01-01T00:00:00Z', 1)
                    """, arguments: ["[" + bytes.map(String.init).joined(separator: ",") + "]"])
            }
        }
        let store = try Store(path: tmp.path)
        let kind = try store.read { try String.fetchOne($0, sql: "SELECT typeof(message) FROM outbox") }
        #expect(kind == "blob")
        #expect(try store.read { try Data.fetchOne($0, sql: "SELECT message FROM outbox") } == Data(bytes))
    }
}
