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
        let stored = try store.read { try SQLRow.fetchOne($0, sql: "SELECT typeof(message), length(message) FROM outbox")! }
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

    /// `v7-digest-outbox`: the outbox holds mail to an address that is no person of the event,
    /// and the rebuild keeps every row queued before it.
    @Test func theOutboxHoldsMailToAnAddressThatIsNoPerson() throws {
        let tmp = try TemporaryDatabase()
        let bytes = Array("From: a\r\n\r\nx".utf8)
        do {
            let queue = try DatabaseQueue(path: tmp.path)
            try Migrations.migrator.migrate(queue, upTo: "v7-digest")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO event VALUES ('demo', 'Demo', 'Asia/Tokyo', 'plan.yaml', '{}', '2027-01-01T00:00:00Z');
                    INSERT INTO person VALUES ('p-a', 'demo', 0, 'A', 'a@example.org', 'patient', '{}', NULL);
                    """)
                try db.execute(sql: """
                    INSERT INTO outbox (message_id, person_id, session_id, uid, sequence, method, kind, room_id, start,
                        recipient, subject, message, queued_at, position)
                    VALUES ('m1', 'p-a', NULL, 'u', 0, NULL, 'ask', '', '2027-02-22T00:00:00Z',
                        'a@example.org', 's', ?, '2027-01-01T00:00:00Z', 1)
                    """, arguments: [Data(bytes)])
                #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "UPDATE outbox SET person_id = NULL WHERE message_id = 'm1'")
                }
            }
        }
        let store = try Store(path: tmp.path)
        #expect(try store.outbox().map { [$0.messageID, $0.person] } == [["m1", "p-a"]])
        #expect(try store.outbox().first?.bytes == bytes)
        var digest = OutboxMessage(messageID: "d1", person: "", session: "", uid: "d1", sequence: 0, kind: .ask, room: "",
                                   start: at("2027-01-02T00:00:00Z"), required: nil, recipient: "organizer@example.org",
                                   subject: "digest", bytes: bytes, queuedAt: at("2027-01-02T00:00:00Z"), version: nil)
        #expect(try store.queueRequests([digest], pageTokens: [:], command: "test", detail: "", at: at("2027-01-02T00:00:00Z")) == 1)
        #expect(try store.read { try SQLRow.fetchOne($0, sql: "SELECT person_id FROM outbox WHERE message_id = 'd1'") }?.values == [.null])
        #expect(try store.outbox().map { [$0.messageID, $0.person, $0.recipient] }
                == [["m1", "p-a", "a@example.org"], ["d1", "", "organizer@example.org"]])
        #expect(try store.dueMessages(at: at("2027-01-02T00:00:00Z")).map(\.messageID) == ["m1", "d1"])
        // A person, when given, must still be one of the event's.
        digest.messageID = "d2"
        digest.person = "p-nobody"
        #expect(throws: (any Error).self) {
            try store.queueRequests([digest], pageTokens: [:], command: "test", detail: "", at: at("2027-01-02T00:00:00Z"))
        }
    }

    /// Another program's SQLite file is refused, read-only or not, and left byte for byte as it was.
    @Test func aForeignFileIsRefusedAndNotChanged() throws {
        let tmp = try TemporaryDatabase()
        try DatabaseQueue(path: tmp.path).write { db in
            try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: tmp.path))
        for readOnly in [true, false] {
            #expect { try Store(path: tmp.path, readOnly: readOnly) } throws: { error in
                "\(error)".contains("is not a Convene database (it holds the tables contacts)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.path)) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: tmp.folder.path)
        #expect(files == ["convene.sqlite"])
    }

    /// A database recording a schema step this build does not know came from a newer Convene: refused, not written.
    @Test func aSchemaFromANewerConveneIsRefused() throws {
        let tmp = try TemporaryDatabase()
        _ = try Store(path: tmp.path).importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try DatabaseQueue(path: tmp.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-later')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: tmp.path))
        for readOnly in [true, false] {
            #expect { try Store(path: tmp.path, readOnly: readOnly) } throws: { error in
                "\(error)".contains("was written by a newer Convene (it records the schema step 'v99-later'")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.path)) == before)
    }

    /// A read-only store reads, and cannot write even by mistake.
    @Test func aReadOnlyStoreReadsAndNeverWrites() throws {
        let tmp = try TemporaryDatabase()
        _ = try Store(path: tmp.path).importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        let store = try Store(path: tmp.path, readOnly: true)
        #expect(try store.status().sessions == 2)
        #expect(throws: StoreError.self) { try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-02T00:00:00Z")) }
        #expect { try Store(path: tmp.folder.appendingPathComponent("none.sqlite").path, readOnly: true) } throws: { error in
            "\(error)".contains("no database at")
        }
    }

    /// Every save of facts (plan and calendars, answers, pins) raises the revision; a schedule version alone does not.
    @Test func everyFactChangeRaisesTheRevisionAndAStaleOneSavesNothing() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        let now = at("2027-01-01T00:00:00Z")
        #expect(try store.factsRevision() == 0)
        try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: now)
        #expect(try store.factsRevision() == 1)
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"))], at: now)
        #expect(try store.factsRevision() == 1)
        let answer = RSVPAnswer(person: "p-a", session: "s-1", sequence: 0, answer: .accepted, repliedAt: nil, source: "r.ics")
        try store.save(ChangeRecord(basedOn: 1, facts: 1, command: "rsvp import", detail: "", answers: [answer]), at: now)
        #expect(try store.factsRevision() == 2)
        // The same answer again stores nothing, so the facts did not change.
        try store.save(ChangeRecord(basedOn: 1, facts: 2, command: "rsvp import", detail: "", answers: [answer]), at: now)
        #expect(try store.factsRevision() == 2)
        try store.save(ChangeRecord(basedOn: 1, facts: 2, command: "pin", detail: "",
                                    pin: .pin(session: "s-1", room: "hall", start: at("2027-02-22T09:00:00+09:00"))), at: now)
        #expect(try store.factsRevision() == 3)
        let stale = ChangeRecord(basedOn: 1, facts: 2, command: "move", detail: "", version: ChangeRecord.Version(
            assignments: [Assignment(session: "s-1", room: "hall", start: at("2027-02-22T10:00:00+09:00"))], unscheduled: [], score: nil))
        #expect { try store.save(stale, at: now) } throws: { error in
            "\(error)".contains("facts revision now 3, was 2") && "\(error)".contains("nothing was saved")
        }
        #expect(try store.history().count == 1)
    }
}
