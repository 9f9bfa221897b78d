import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// A transport that hands the message over and then dies before the acceptance is recorded.
final class DyingTransport: Transport {
    var handedOver: [[UInt8]] = []
    struct Killed: Error {}

    func send(_ message: Envelope, from sender: String) throws {
        handedOver.append(message.bytes)
        throw Killed()
    }
}

@Suite struct PublisherTests {
    let later = Forum.stamp.adding(minutes: 60)

    @Test(arguments: StoreKind.available) func aDraftReachesNobodyUntilItIsPublished(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.store(on: kind)
        try Forum.draft(store)
        #expect(try store.outbox().isEmpty)
        #expect(try PublishedSchedule.load(from: store)?.publication.entries.isEmpty == true)
        let plan = try Publisher(store: store).plan(at: Forum.stamp)
        #expect(plan.notices.count == 6 && plan.notices.allSatisfy { $0.kind == .invitation && $0.sequence == 0 })
        #expect(plan.changedEntries.sorted() == ["s-open", "s-panel"])
        try Publisher(store: store).publish(plan, force: false, reason: "first agenda")
        #expect(try store.outbox().count == 6)
        #expect(try PublishedSchedule.load(from: store)?.publication.entries.count == 2)
        #expect(try Publisher(store: store).plan(at: later).isEmpty)
        try Forum.deliver(store, to: dir + "/out")

        // A move is a draft again: feeds and the outbox stay as they are.
        var moved = Forum.schedule
        moved[0].room = "room-1"
        try Forum.draft(store, moved)
        #expect(try PublishedSchedule.load(from: store)?.publication.entry(for: "s-open")?.room == "hall")
        #expect(try store.outbox().count == 6)
        let updates = try Forum.publish(store, at: later)
        #expect(updates.map(\.kind) == [.update, .update, .update])
        #expect(updates.allSatisfy { $0.session == "s-open" && $0.sequence == 1 && $0.previousRoom == "hall" })
        #expect(try store.outbox().suffix(3).allSatisfy { $0.version == 2 && $0.release == 2 && $0.required != nil })
    }

    @Test(arguments: StoreKind.available) func whatPublishWouldDoNamesTheZoneOfEveryTime(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        let lines = try Publisher(store: store).plan(at: Forum.stamp).lines
        #expect(lines[0].hasSuffix("; times in Asia/Tokyo"))
        // Claire reads her mail in Paris: the dry run shows her time too, zone named.
        #expect(lines.contains("  Claire Dubois <claire.dubois@example.fr> (in Europe/Paris)"))
        #expect(lines.contains { $0.contains("\"Opening Plenary\" (s-open): Main Hall, 2027-02-22 09:30–10:30 Asia/Tokyo; "
            + "for them Monday 22 February 2027, 01:30–02:30 (Europe/Paris)") })
    }

    @Test(arguments: StoreKind.available) func mailThatCannotBeComposedPublishesNothing(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        var event = Forum.event
        event.stakeholders[1].email = "claire at example.fr"
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: event, file: "plan.yaml", busy: [:])), at: Forum.stamp)
        try Forum.draft(store)
        #expect(throws: MailError.self) { try Forum.publish(store) }
        #expect(try store.releases().isEmpty && store.outbox().isEmpty)
    }

    @Test(arguments: StoreKind.available) func aDraftThatBreaksAHardRuleIsRefusedUnlessForced(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        // Both sessions in the hall at once: the hall and 佐藤 花子 are booked twice.
        try Forum.draft(store, [Forum.place("s-open", "hall", "2027-02-22 13:00"), Forum.place("s-panel", "hall", "2027-02-22 13:00")])
        let publisher = Publisher(store: store)
        let plan = try publisher.plan(at: Forum.stamp)
        #expect(Set(plan.conflicts.map(\.kind)) == [.roomDoubleBooked, .personDoubleBooked])
        #expect(throws: PublishRefused.self) { try publisher.publish(plan, force: false, reason: nil) }
        #expect(try store.releases().isEmpty && store.outbox().isEmpty)
        try publisher.publish(plan, force: true, reason: "the panel shares the hall")
        #expect(try store.releases().count == 1)
        let entry = try #require(try store.auditLog().last { $0.action == "publish" })
        #expect(entry.reason == "the panel shares the hall" && entry.detail.contains("accepted conflicts: room-double-booked"))
    }

    @Test(arguments: StoreKind.available) func queuedMailThatALaterPublishSupersedesIsNeverSent(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.published(on: kind)
        // Before anything went out, the opening moves: its three invitations are replaced, not followed by updates.
        var moved = Forum.schedule
        moved[0].start = Forum.at("2027-02-22 10:00")
        try Forum.draft(store, moved)
        let second = try Forum.publish(store, at: later)
        #expect(second.map(\.kind) == [.invitation, .invitation, .invitation])
        #expect(second.allSatisfy { $0.session == "s-open" && $0.sequence == 1 && $0.start == Forum.at("2027-02-22 10:00") })
        let superseded = try store.outbox().filter { $0.state == .superseded }
        #expect(superseded.map(\.session) == ["s-open", "s-open", "s-open"] && superseded.allSatisfy { $0.sequence == 0 })
        let sent = try Forum.deliver(store, to: dir + "/out")
        #expect(sent.count == 6 && !sent.contains { id in superseded.contains { $0.messageID == id } })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").count == 6)
        #expect(try store.auditLog().contains { $0.action == "superseded" && $0.detail.hasPrefix("3 messages dropped unsent") })
    }

    @Test(arguments: StoreKind.available) func aMoveAndTheMoveBackSendNothing(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.delivered(on: kind)
        var moved = Forum.schedule
        moved[1].start = Forum.at("2027-02-22 15:00")
        // Moved and back within one draft: nothing to tell anyone.
        try Forum.draft(store, moved)
        try Forum.draft(store, Forum.schedule)
        #expect(try Publisher(store: store).plan(at: later).isEmpty)
        // Moved and published, then back before the updates went out: they are dropped and nothing replaces them.
        try Forum.draft(store, moved)
        #expect(try Forum.publish(store, at: later).count == 3)
        try Forum.draft(store, Forum.schedule)
        let back = try Publisher(store: store).plan(at: later.adding(minutes: 1))
        #expect(back.notices.isEmpty && back.supersede.count == 3 && back.changedEntries == ["s-panel"])
        try Publisher(store: store).publish(back, force: false, reason: nil)
        #expect(try Forum.deliver(store, to: dir + "/out").isEmpty)
        // Feeds show the panel where it started, at a higher SEQUENCE.
        let entry = try #require(try PublishedSchedule.load(from: store)?.publication.entry(for: "s-panel"))
        #expect(entry.interval.start == Forum.at("2027-02-22 13:00") && entry.sequence == 2)
    }

    @Test(arguments: StoreKind.available) func aRunKilledAfterHandingOverResendsTheSameMessage(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.published(on: kind)
        let dying = DyingTransport()
        #expect(throws: DyingTransport.Killed.self) {
            try Delivery(store: store, transport: dying, sender: "forum@example.org", now: { Forum.stamp }, sleep: { _ in }).run()
        }
        #expect(try store.outboxStatus().queued == 6)
        let folder = dir + "/out"
        // Under SQLite's send lease the dead run's claim goes again at once; on PostgreSQL, where runs send
        // side by side, once it is older than a lease (an hour later is).
        let report = try Delivery(store: store, transport: try FileTransport(directory: folder), sender: "forum@example.org",
                                  now: { later }, sleep: { _ in }).run()
        #expect(report.sent == 6)
        let first = try store.outbox()[0]
        let written = FileManager.default.contents(atPath: try FileTransport(directory: folder).path(of: first.messageID))
        #expect(written.map(Array.init) == dying.handedOver.first)
    }

    /// `convene invite` killed after the mail server accepted an update and before it was marked sent,
    /// then the session moved back and published: the person may hold the update, so it is not
    /// dropped and a correction follows it (at-least-once, never at-most-once).
    @Test(arguments: StoreKind.available) func anUpdateHandedOverByARunThatDiedIsNeverForgotten(_ kind: StoreKind) throws {
        let (store, dir) = try Forum.delivered(on: kind)
        var moved = Forum.schedule
        moved[1].start = Forum.at("2027-02-22 15:00")
        try Forum.draft(store, moved)
        #expect(try Forum.publish(store, at: later).count == 3)
        // What the database holds after a kill between the server's accept and the mark.
        #expect(throws: DyingTransport.Killed.self) {
            try Delivery(store: store, transport: DyingTransport(), sender: "forum@example.org", now: { later }, sleep: { _ in }).run()
        }
        let inFlight = try #require(try store.outbox().first { $0.claimedAt != nil })
        #expect(inFlight.state == .queued && inFlight.kind == .update && inFlight.mayHaveBeenDelivered)
        try Forum.draft(store, Forum.schedule)
        let back = try Publisher(store: store).plan(at: later.adding(minutes: 1))
        // The two updates never handed over are dropped; the one that may have arrived stays and is corrected.
        #expect(back.supersede.count == 2 && !back.supersede.contains { $0.messageID == inFlight.messageID })
        let correction = try #require(back.notices.first)
        #expect(back.notices.count == 1 && correction.person == inFlight.person && correction.kind == .update)
        #expect(correction.start == Forum.at("2027-02-22 13:00") && correction.sequence > inFlight.sequence)
        try Publisher(store: store).publish(back, force: false, reason: nil)
        #expect(try store.outbox().first { $0.messageID == inFlight.messageID }?.state == .queued)
        // The next run sends the update again, then the correction: the person ends at 13:00.
        let sent = try Forum.deliver(store, to: dir + "/out")
        #expect(sent.count == 2 && sent.first == inFlight.messageID)
        #expect(try store.outbox().filter { $0.person == inFlight.person && $0.session == "s-panel" }.last?.start
            == Forum.at("2027-02-22 13:00"))
    }

    /// A message claimed by a delivery run after a publish was worked out is not dropped by it.
    @Test(arguments: StoreKind.available) func aPublishDoesNotDropAMessageClaimedSinceItWasWorkedOut(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        try Forum.publish(store)
        var moved = Forum.schedule
        moved[0].start = Forum.at("2027-02-22 10:00")
        try Forum.draft(store, moved)
        let plan = try Publisher(store: store).plan(at: later)
        #expect(plan.supersede.count == 3)
        #expect(try store.claim(plan.supersede[0].messageID, at: later))
        #expect(throws: StoreError.self) { try Publisher(store: store).publish(plan, force: true, reason: nil) }
        #expect(try store.outboxStatus().superseded == 0 && store.releases().count == 1)
    }
}
