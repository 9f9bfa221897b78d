import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Testing

/// A transport that hands the message over and then dies before the acceptance is recorded.
final class DyingTransport: Transport {
    var handedOver: [[UInt8]] = []
    struct Killed: Error {}

    func send(_ message: OutboxMessage, from sender: String) throws {
        handedOver.append(message.bytes)
        throw Killed()
    }
}

@Suite struct InvitationsTests {
    @Test func savingAScheduleQueuesItsMailInTheSameTransaction() throws {
        let (store, _) = try Forum.store()
        let invitations = Invitations(store: store)
        let (v1, first) = try invitations.saveSchedule(assignments: Forum.schedule, unscheduled: [], score: nil,
                                                       at: Forum.stamp, command: "test")
        #expect(v1.number == 1 && first.count == 6)
        #expect(try store.outbox().count == 6)
        var moved = Forum.schedule
        moved[0].room = "room-1"
        moved[0].start = Forum.at("2027-02-22 10:00")
        let (_, updates) = try invitations.saveSchedule(assignments: moved, unscheduled: [], score: nil,
                                                        at: Forum.stamp, command: "move")
        #expect(updates.map(\.kind) == ["update", "update", "update"])
        #expect(updates.allSatisfy { $0.session == "s-open" && $0.sequence == 1 && $0.version == 2 })
        #expect(try invitations.queue(at: Forum.stamp).isEmpty)
    }

    @Test func mailThatCannotBeComposedKeepsTheScheduleUnsaved() throws {
        let (store, _) = try Forum.store()
        var event = Forum.event
        event.stakeholders[1].email = "claire at example.fr"
        _ = try store.importPlan(event, planFile: "plan.yaml", at: Forum.stamp)
        #expect(throws: MailError.self) {
            try Invitations(store: store).saveSchedule(assignments: Forum.schedule, unscheduled: [], score: nil,
                                                       at: Forum.stamp, command: "test")
        }
        #expect(try store.history().isEmpty && store.outbox().isEmpty)
    }

    @Test func aRunKilledAfterHandingOverResendsTheSameMessage() throws {
        let (store, dir) = try Forum.store()
        try Invitations(store: store).saveSchedule(assignments: Forum.schedule, unscheduled: [], score: nil,
                                                   at: Forum.stamp, command: "test")
        let dying = DyingTransport()
        #expect(throws: DyingTransport.Killed.self) {
            try Delivery(store: store, transport: dying, sender: "forum@example.org", now: { Forum.stamp }, sleep: { _ in }).run()
        }
        #expect(try store.outboxStatus().queued == 6)
        let folder = dir + "/out"
        let report = try Delivery(store: store, transport: try FileTransport(directory: folder), sender: "forum@example.org",
                                  now: { Forum.stamp }, sleep: { _ in }).run()
        #expect(report.sent == 6)
        let first = try store.outbox()[0]
        let written = FileManager.default.contents(atPath: try FileTransport(directory: folder).path(of: first.messageID))
        #expect(written.map(Array.init) == dying.handedOver.first)
    }
}
