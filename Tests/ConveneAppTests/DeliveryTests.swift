import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// A transport that answers as a server would, from a script of outcomes.
final class ScriptedTransport: Transport {
    var outcomes: [TransportFailure?]
    var delivered: [String] = []

    init(_ outcomes: [TransportFailure?]) { self.outcomes = outcomes }

    func send(_ message: Envelope, from sender: String) throws {
        let next = outcomes.isEmpty ? nil : outcomes.removeFirst()
        if let next { throw next }
        delivered.append(message.messageID)
    }
}

@Suite struct DeliveryTests {
    func prepared(_ kind: StoreKind = .sqlite) throws -> (Store, String) { try Forum.published(on: kind) }

    func delivery(_ store: Store, _ t: any Transport, sleeps: UnsafeMutablePointer<Int>? = nil) -> Delivery {
        Delivery(store: store, transport: t, sender: "forum@example.org", now: { Forum.stamp }, sleep: { _ in sleeps?.pointee += 1 })
    }

    @Test(arguments: StoreKind.available) func fileTransportWritesEachMessageOnceAndASecondRunSendsNothing(_ kind: StoreKind) throws {
        let (store, dir) = try prepared(kind)
        let folder = dir + "/out"
        let report = try delivery(store, try FileTransport(directory: folder)).run()
        #expect(report.sent == 6 && report.failed == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 6)
        #expect(files.contains("s-open.test-forum.p-sato.0.request@example.org.eml"))
        #expect(try store.outboxStatus().sent == 6)
        #expect(try Publisher(store: store).plan(at: Forum.stamp).isEmpty)
        #expect(try delivery(store, try FileTransport(directory: folder)).run().sent == 0)
    }

    @Test(arguments: StoreKind.available) func temporaryFailuresAreRetriedWithBackoff(_ kind: StoreKind) throws {
        let (store, _) = try prepared(kind)
        let t = ScriptedTransport([TransportFailure(permanent: false, "421 try later"), TransportFailure(permanent: false, "421")])
        var sleeps = 0
        let report = try delivery(store, t, sleeps: &sleeps).run()
        #expect(report.sent == 6)
        #expect(sleeps == 2)
        #expect(try store.outbox().first?.attempts == 3)
    }

    @Test(arguments: StoreKind.available) func aServerThatKeepsFailingLeavesTheRestQueuedForLater(_ kind: StoreKind) throws {
        let (store, _) = try prepared(kind)
        let t = ScriptedTransport(Array(repeating: TransportFailure(permanent: false, "connection refused"), count: 4))
        let report = try delivery(store, t).run()
        #expect(report.sent == 0 && report.deferred == 6)
        let first = try store.outbox()[0]
        #expect(first.state == .queued && first.lastError == "connection refused" && first.nextAttemptAt != nil)
        // Not due yet at the same moment; due later.
        #expect(try store.dueMessages(at: Forum.stamp).count == 5)
        #expect(try store.dueMessages(at: Forum.stamp.adding(minutes: 60)).count == 6)
        // `convene status` says when the next try is due.
        let status = try store.outboxStatus()
        #expect(status.nextAttempt == first.nextAttemptAt && status.lines.contains { $0.hasPrefix("  next attempt: ") })
    }

    @Test(arguments: StoreKind.available) func permanentFailuresAreRecordedAndShownInStatus(_ kind: StoreKind) throws {
        let (store, _) = try prepared(kind)
        let t = ScriptedTransport([TransportFailure(permanent: true, "550 no such user")])
        let report = try delivery(store, t).run()
        #expect(report.sent == 5 && report.failed == 1)
        let status = try store.outboxStatus()
        #expect(status.failed == 1 && status.sent == 5)
        #expect(status.lines[1].contains("550 no such user"))
        // A failure is the admin's to see, not a reason to send the same news again.
        #expect(try Publisher(store: store).plan(at: Forum.stamp).isEmpty)
    }

    @Test(arguments: StoreKind.available) func aMessageSupersededAfterTheQueueWasReadIsNotSent(_ kind: StoreKind) throws {
        let (store, _) = try prepared(kind)
        // The transport supersedes the rest of the queue, as a publish in another process would, after the first message.
        final class Superseding: Transport {
            let store: Store
            var sent: [String] = []
            init(_ store: Store) { self.store = store }
            func send(_ message: Envelope, from sender: String) throws {
                sent.append(message.messageID)
                if sent.count == 1 {
                    try Forum.draft(store, [])
                    try Forum.publish(store, at: Forum.stamp.adding(minutes: 1))
                }
            }
        }
        let t = Superseding(store)
        let report = try delivery(store, t).run()
        #expect(report.sent == 1 && t.sent.count == 1)
        #expect(try store.outbox().filter { $0.state == .superseded }.count == 5)
        // The publish ran while the first message was being handed over: that message may have arrived, so it was
        // kept (and is recorded as sent), that one person's cancellation was queued by the same publish, and nobody
        // else hears anything; the next publish has nothing to add.
        let got = try store.outbox().first { $0.state == .sent }?.person
        let queued = try store.outbox().filter { $0.state == .queued }
        #expect(queued.map(\.kind) == [.cancel] && queued.first?.person == got)
        #expect(try Publisher(store: store).plan(at: Forum.stamp.adding(minutes: 2)).notices.isEmpty)
    }
}

/// A transport that, while handing over its first message, lets a second delivery run try the same database.
final class InterruptedTransport: Transport {
    let inner = ScriptedTransport([])
    var during: (() throws -> Void)?

    func send(_ message: Envelope, from sender: String) throws {
        if let during {
            self.during = nil
            try during()
        }
        try inner.send(message, from: sender)
    }
}

@Suite struct DeliveryLeaseTests {
    @Test(arguments: StoreKind.available) func aSecondRunWhileOneIsSendingSendsNothingAndSaysWhoIs(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        try Forum.publish(store)
        let first = InterruptedTransport()
        let second = ScriptedTransport([])
        var inner: DeliveryReport?
        first.during = {
            inner = try Delivery(store: store, transport: second, sender: "forum@example.org",
                                 lease: SendLease(holder: "second"), now: { Forum.stamp }, sleep: { _ in }).run()
        }
        let report = try Delivery(store: store, transport: first, sender: "forum@example.org",
                                  lease: SendLease(holder: "first"), now: { Forum.stamp }, sleep: { _ in }).run()
        if store.sendsSideBySide {
            // PostgreSQL: the second run sends beside the first, each message claimed by one of them only.
            #expect(report.sent + (inner?.sent ?? 0) == 6 && inner?.busy == nil)
            #expect(Set(second.delivered).isDisjoint(with: first.inner.delivered))
            #expect(Set(second.delivered + first.inner.delivered).count == 6 && second.delivered.count + first.inner.delivered.count == 6)
        } else {
            #expect(report.sent == 6)
            #expect(inner?.sent == 0 && inner?.busy?.holder == "first")
            #expect(second.delivered.isEmpty)
            #expect(Set(first.inner.delivered).count == 6 && first.inner.delivered.count == 6)
        }
        // Released at the end (or never taken): the next run, from anyone, may send at once.
        #expect(try store.sendLeaseHolder(at: Forum.stamp) == nil)
    }

    /// The send lease is SQLite's: on PostgreSQL no run takes it (a dead run's claims go again once stale,
    /// `PostgresOutboxTests`).
    @Test(arguments: [StoreKind.sqlite]) func aLeaseLeftByADeadRunExpiresAndOnlyThen(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        try Forum.publish(store)
        #expect(try store.takeSendLease(SendLease(holder: "dead", seconds: 300), at: Forum.stamp))
        let t = ScriptedTransport([])
        func run(at now: Instant) throws -> DeliveryReport {
            try Delivery(store: store, transport: t, sender: "forum@example.org", lease: SendLease(holder: "alive"),
                         now: { now }, sleep: { _ in }).run()
        }
        let early = try run(at: Forum.stamp.adding(minutes: 4))
        #expect(early.sent == 0 && early.busy?.holder == "dead")
        let late = try run(at: Forum.stamp.adding(minutes: 5))
        #expect(late.sent == 6 && late.busy == nil)
    }

    @Test(arguments: StoreKind.available) func aRunAskedToStopFinishesTheMessageInHandAndLeavesTheRestQueued(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        try Forum.publish(store)
        let t = ScriptedTransport([])
        var delivery = Delivery(store: store, transport: t, sender: "forum@example.org", now: { Forum.stamp }, sleep: { _ in })
        // Asked to stop while the second message is being handed over.
        delivery.shouldStop = { t.delivered.count >= 2 }
        let report = try delivery.run()
        #expect(report.sent == 2 && report.deferred == 4)
        let status = try store.outboxStatus()
        #expect(status.sent == 2 && status.queued == 4 && status.sending == 0)
        #expect(try store.sendLeaseHolder(at: Forum.stamp) == nil)
    }

    @Test(arguments: StoreKind.available) func aRunThatLostItsLeaseClaimsNothingMore(_ kind: StoreKind) throws {
        let (store, _) = try Forum.store(on: kind)
        try Forum.draft(store)
        try Forum.publish(store)
        let id = try store.dueMessages(at: Forum.stamp)[0].messageID
        #expect(try store.takeSendLease(SendLease(holder: "other"), at: Forum.stamp))
        #expect(try !store.claim(id, at: Forum.stamp, holding: SendLease(holder: "stalled")))
        #expect(try store.outbox()[0].claimedAt == nil)
    }
}
