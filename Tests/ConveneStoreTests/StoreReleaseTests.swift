import ConveneCore
import Foundation
import GRDB
import Testing
@testable import ConveneStore

struct StoreReleaseTests {
    let start = at("2027-02-22T09:00:00+09:00")

    /// A new store of `kind` holding the sample plan and its first schedule version.
    func scheduled(_ kind: StoreKind) throws -> EmptyStore {
        let fresh = try kind.makeStore()
        let store = fresh.store
        try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start)], at: at("2027-01-01T00:01:00Z"))
        return fresh
    }

    func message(_ id: String, sequence: Int, kind: NoticeKind = .invitation) -> OutboxMessage {
        OutboxMessage(messageID: id, person: "p-a", session: "s-1", uid: "s-1.demo@convene", sequence: sequence, kind: kind,
                      room: "hall", start: start, required: true, recipient: "a@example.org", subject: "Invitation",
                      bytes: Array("message \(id)".utf8), queuedAt: at("2027-01-02T00:00:00Z"), version: 1)
    }

    @Test(arguments: StoreKind.available) func aPublishSupersedesAndQueuesInOneRelease(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let first = try store.publish(PublishRecord(version: 1, after: nil, reason: "first", detail: "", supersede: [],
                                                    queue: [message("m0@x", sequence: 0)]), at: at("2027-01-02T00:00:00Z"))
        #expect(first.number == 1 && first.schedule.number == 1 && first.publishedAt == at("2027-01-02T00:00:00Z"))
        #expect(try store.outbox().map(\.release) == [1])
        let second = try store.publish(PublishRecord(version: 1, after: 1, reason: nil, detail: "moved", supersede: ["m0@x"],
                                                     queue: [message("m1@x", sequence: 1)]), at: at("2027-01-03T00:00:00Z"))
        #expect(second.number == 2)
        #expect(try store.outbox().map(\.state) == [.superseded, .queued])
        #expect(try store.dueMessages(at: at("2027-01-04T00:00:00Z")).map(\.messageID) == ["m1@x"])
        #expect(try store.releases().map(\.number) == [1, 2])
        #expect(try store.outboxStatus().superseded == 1)
        let audit = try store.auditLog().suffix(2)
        #expect(audit.map(\.action) == ["publish", "superseded"])
        #expect(audit.last?.detail == "1 message dropped unsent, superseded by release 2: m0@x")
        // A temporary failure reported for a superseded message leaves it dropped.
        try store.markFailed("m0@x", error: "421", permanent: false, retryAt: nil, at: at("2027-01-04T00:00:00Z"))
        #expect(try store.outbox().first?.state == .superseded)
        #expect(try !store.isQueued("m0@x") && store.isQueued("m1@x"))
    }

    @Test(arguments: StoreKind.available) func aPublishWorkedOutBeforeAnotherChangeSavesNothing(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [],
                                        queue: [message("m0@x", sequence: 0)]), at: at("2027-01-02T00:00:00Z"))
        // Another publish came first.
        #expect(throws: StoreError.self) {
            try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [], queue: []),
                              at: at("2027-01-03T00:00:00Z"))
        }
        // The message was sent meanwhile: it can no longer be superseded.
        try store.markSent("m0@x", at: at("2027-01-03T00:00:00Z"))
        #expect(throws: StoreError.self) {
            try store.publish(PublishRecord(version: 1, after: 1, reason: nil, detail: "", supersede: ["m0@x"],
                                            queue: [message("m1@x", sequence: 1)]), at: at("2027-01-03T00:00:00Z"))
        }
        // A newer draft came.
        try store.saveSchedule(assignments: [], at: at("2027-01-03T00:00:00Z"), command: "unschedule")
        #expect(throws: StoreError.self) {
            try store.publish(PublishRecord(version: 1, after: 1, reason: nil, detail: "", supersede: [], queue: []),
                              at: at("2027-01-03T00:00:00Z"))
        }
        #expect(try store.releases().count == 1)
        #expect(try store.outbox().map(\.messageID) == ["m0@x"])
        #expect(try store.outbox().first?.state == .sent)
    }

    @Test(arguments: StoreKind.available) func outboxWithoutBytesSaysTheSame(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [],
                                        queue: [message("m0@x", sequence: 0)]), at: at("2027-01-02T00:00:00Z"))
        var light = try #require(try store.outbox(includingBytes: false).first)
        #expect(light.bytes.isEmpty)
        light.bytes = Array("message m0@x".utf8)
        #expect(try store.outbox() == [light])
    }

    /// Release numbers run across the store's events, and a number once given is not given again,
    /// whichever database counts them.
    @Test(arguments: StoreKind.available) func theNextReleaseNumberRunsAcrossEventsAndNeverGoesBack(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        var versions: [String: Int] = [:]
        for id in ["forum", "seminar"] {
            var event = sampleEvent()
            event.id = id
            let store = fresh.store.scoped(to: id)
            try store.importPlan(event, planFile: "\(id).yaml", at: at("2027-01-01T00:00:00Z"))
            versions[id] = try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start)],
                                                  at: at("2027-01-01T00:01:00Z")).number
        }
        let (forum, seminar) = (fresh.store.scoped(to: "forum"), fresh.store.scoped(to: "seminar"))
        #expect(try forum.nextReleaseNumber() == 1)
        try forum.publish(PublishRecord(version: versions["forum"]!, after: nil, reason: nil, detail: "", supersede: [], queue: []),
                          at: at("2027-01-02T00:00:00Z"))
        #expect(try seminar.nextReleaseNumber() == 2)
        let release = try seminar.publish(PublishRecord(version: versions["seminar"]!, after: nil, reason: nil, detail: "",
                                                        supersede: [], queue: []), at: at("2027-01-02T00:00:00Z"))
        #expect(release.number == 2)
        #expect(try forum.nextReleaseNumber() == 3)
        try fresh.store.write { db in try db.execute(sql: "DELETE FROM schedule_release WHERE number = 2") }
        #expect(try forum.nextReleaseNumber() == 3)
    }

    @Test func aDatabaseFromBeforeReleasesKeepsWhatItSentAndShowed() throws {
        let tmp = try TemporaryDatabase()
        let queue = try DatabaseQueue(path: tmp.path)
        try Migrations.migrator.migrate(queue, upTo: "v4-outbox-and-rsvp")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO event VALUES ('demo', 'Demo', 'Asia/Tokyo', 'plan.yaml', '{}', '2027-01-01T00:00:00Z');
                INSERT INTO room VALUES ('hall', 'demo', 0, 'Hall', '{}', NULL);
                INSERT INTO person VALUES ('p-a', 'demo', 0, 'A', 'a@example.org', 'patient', '{}', NULL);
                INSERT INTO session VALUES ('s-1', 'demo', 0, 's-1', '{}', NULL);
                INSERT INTO schedule_version VALUES (1, '2027-01-01T00:01:00Z', 'schedule', 'first', 0, 0);
                INSERT INTO schedule_version VALUES (2, '2027-01-02T00:01:00Z', 'move', NULL, 0, 0);
                INSERT INTO assignment VALUES (1, 's-1', 'hall', '2027-02-22T00:00:00Z');
                INSERT INTO assignment VALUES (2, 's-1', 'hall', '2027-02-22T01:00:00Z');
                INSERT INTO outbox (message_id, person_id, session_id, uid, sequence, method, kind, room_id, start, recipient,
                                    subject, message, state, queued_at, version, position)
                    VALUES ('m0@x', 'p-a', 's-1', 's-1.demo@convene', 0, 'REQUEST', 'invitation', 'hall',
                            '2027-02-22T00:00:00Z', 'a@example.org', 'Invitation', '[109]', 'sent', '2027-01-01T00:02:00Z', 1, 1);
                INSERT INTO rsvp (person_id, session_id, sequence, answer, received_at, source)
                    VALUES ('p-a', 's-1', 0, 'declined', '2027-01-01T00:03:00Z', 'r.ics');
                """)
        }
        let store = try Store(path: tmp.path)
        // Every version made before releases existed was shown as it was made.
        let releases = try store.releases()
        #expect(releases.map(\.schedule.number) == [1, 2])
        #expect(releases.map(\.publishedAt) == [at("2027-01-01T00:01:00Z"), at("2027-01-02T00:01:00Z")])
        #expect(releases.first?.reason == "first")
        let m = try #require(try store.outbox().first)
        #expect(m.state == .sent && m.kind == .invitation && m.required == nil && m.release == nil && m.bytes == [109])
        // The answer replied to the invitation that was sent: it holds for that room and time.
        let a = try #require(try store.answers().first)
        #expect(a.room == "hall" && a.start == at("2027-02-22T00:00:00Z") && a.comment == nil)
        try store.read { db in
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'")
            #expect(Set(indexes).isSuperset(of: ["outbox_state", "outbox_person_session"]))
            #expect(try SQLRow.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        try store.publish(PublishRecord(version: 2, after: 2, reason: nil, detail: "", supersede: [], queue: []), at: at("2027-01-03T00:00:00Z"))
        #expect(try store.releases().count == 3)
    }
}
