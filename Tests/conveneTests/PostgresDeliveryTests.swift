import ConveneApp
import ConveneCore
import ConveneMail
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// A value several threads read and change, one at a time.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLockedValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Delivery runs on one PostgreSQL outbox, as two `serve`s run them: side by side, each message sent once.
@Suite(.serialized, .enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresDeliveryTests {
    /// Records what it was handed, from any thread; each hand-over takes `pause`, as a mail server's answer does.
    final class Recorder: Transport, @unchecked Sendable {
        let sent = Locked<[String]>([])
        let pause: Double
        init(pause: Double = 0.002) { self.pause = pause }
        func send(_ message: Envelope, from sender: String) throws {
            Thread.sleep(forTimeInterval: pause)
            sent.withLockedValue { $0.append(message.messageID) }
        }
    }

    static let now = Instant(secondsSinceEpoch: 1_800_000_000)

    static func delivery(_ store: Store, _ transport: any Transport, holder: String, at now: Instant = now) -> Delivery {
        Delivery(store: store, transport: transport, sender: "forum@example.org", lease: SendLease(holder: holder),
                 now: { now }, sleep: { _ in })
    }

    /// Runs `body` on a thread of its own and waits for it, at most `seconds`: a run that waited for a
    /// lock it must not wait for fails the test instead of hanging it.
    static func onThread<T: Sendable>(within seconds: Double = 60, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let result = Locked<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let r = Result { try body() }
            result.withLockedValue { $0 = r }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { throw StoreError("still waiting after \(seconds) s") }
        return try result.withLockedValue { $0! }.get()
    }

    @Test func twoRunsSendSideBySideAndEachMessageOnce() throws {
        let (address, queued) = try PostgresOutboxTests.published()
        // Two servers: two stores (two pools) on one database.
        let a = try Store(postgres: address), b = try Store(postgres: address)
        #expect(a.sendsSideBySide)
        let x = Recorder(), y = Recorder()
        let first = DispatchQueue(label: "first"), group = DispatchGroup()
        let reports = Locked<[DeliveryReport]>([]), errors = Locked<[String]>([])
        for (store, transport, holder) in [(a, x, "a"), (b, y, "b")] {
            let queue = holder == "a" ? first : DispatchQueue(label: "second")
            queue.async(group: group) {
                do {
                    let report = try Self.delivery(store, transport, holder: holder).run()
                    reports.withLockedValue { $0.append(report) }
                } catch {
                    errors.withLockedValue { $0.append("\(error)") }
                }
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(errors.withLockedValue { $0 }.isEmpty, "\(errors.withLockedValue { $0 })")
        let sentByA = x.sent.withLockedValue { $0 }, sentByB = y.sent.withLockedValue { $0 }
        #expect(Set(sentByA).isDisjoint(with: sentByB))
        #expect(sentByA.count + sentByB.count == queued.count && Set(sentByA + sentByB) == Set(queued))
        // Side by side: neither run was kept out by a lease.
        #expect(!sentByA.isEmpty && !sentByB.isEmpty, "\(sentByA.count) and \(sentByB.count)")
        #expect(reports.withLockedValue { $0 }.allSatisfy { $0.busy == nil && $0.failed == 0 })
        let status = try a.outboxStatus()
        #expect(status.sent == queued.count && status.queued == 0 && status.sending == 0)
    }

    @Test func aClaimGoesAheadWhileAPublishHoldsTheWriteLock() async throws {
        let (address, queued) = try PostgresOutboxTests.published()
        let store = try Store(postgres: address)
        let mark = try store.outboxMark()
        // Another process in the middle of a long write: it holds the store's one write lock.
        let writer = try await PostgresLink.open(address)
        try await writer.rows("BEGIN")
        try await writer.rows("SELECT pg_advisory_xact_lock(\(PostgresBackend.writeLock))")
        let claimed = try Self.onThread { try store.claimNextDue(at: Self.now, staleAfter: 300, through: mark) }
        let marked: Void? = try? Self.onThread { try store.markSent(claimed?.messageID ?? "", at: Self.now) }
        try await writer.rows("ROLLBACK")
        await writer.close()
        #expect(claimed?.messageID == queued.first)
        #expect(marked != nil)
        #expect(try store.outbox(includingBytes: false).first?.state == .sent)
    }

    @Test func aClaimNobodyResolvedIsTakenAgainOnlyOnceStale() throws {
        let (address, queued) = try PostgresOutboxTests.published()
        let store = try Store(postgres: address)
        let mark = try store.outboxMark()
        let first = try #require(try store.claimNextDue(at: Self.now, staleAfter: 300, through: mark))
        #expect(first.messageID == queued[0] && first.claimedAt == Self.now && !first.bytes.isEmpty)
        // Held by a run that may still be sending: the next claim passes over it.
        #expect(try store.claimNextDue(at: Self.now.adding(minutes: 4), staleAfter: 300, through: mark)?.messageID == queued[1])
        // Five minutes on, that run is taken for dead: the message goes again (at-least-once).
        #expect(try store.claimNextDue(at: Self.now.adding(minutes: 5), staleAfter: 300, through: mark)?.messageID == queued[0])
        // Never past the mark: a message queued after a run began waits for the next run.
        #expect(try store.claimNextDue(at: Self.now, staleAfter: 300, through: OutboxMark(position: 0)) == nil)
    }

    @Test func aPublishWorkedOutBeforeAClaimDropsNothingTheClaimTook() throws {
        let (address, queued) = try PostgresOutboxTests.published()
        let organizer = try Store(postgres: address), sender = try Store(postgres: address)
        // A draft with nothing scheduled: publishing it would supersede every queued invitation.
        try organizer.save(ChangeRecord(basedOn: try organizer.currentSchedule()?.number, command: "schedule", detail: "",
                                        version: ChangeRecord.Version(assignments: [], unscheduled: [], score: nil)), at: Self.now)
        let publisher = Publisher(store: organizer)
        let plan = try publisher.plan(at: Self.now)
        #expect(Set(plan.supersede.map(\.messageID)) == Set(queued))
        // Meanwhile another server's delivery run claims the first message, outside the write lock.
        let claimed = try #require(try sender.claimNextDue(at: Self.now, staleAfter: 300, through: try sender.outboxMark()))
        // That message may reach its recipient: the publish is refused whole, nothing dropped.
        #expect(throws: (any Error).self) { try publisher.publish(plan, force: true, reason: nil) }
        let outbox = try organizer.outbox(includingBytes: false)
        #expect(outbox.allSatisfy { $0.state == .queued })
        #expect(outbox.first { $0.messageID == claimed.messageID }?.mayHaveBeenDelivered == true)
        #expect(try organizer.releases().count == 1)
    }

    @Test func aPublishMadeElsewhereIsHeardByAListener() async throws {
        let forum = try AdminScenarioTests.Forum().scheduled()
        let url = try PostgresServer.shared.get().makeDatabase()
        let environment = ["CONVENE_DB": url, "PGPASSWORD": PostgresServer.password]
        let copied = try CommandLine.run(["migrate", "--from", forum.db, "--to", url], in: forum.folder.url,
                                         environment: ["PGPASSWORD": PostgresServer.password])
        #expect(copied.status == 0, "\(copied.stderr)")
        let notices = PublishNotices(store: try Store(postgres: try PostgresAddress(url, password: PostgresServer.password)))
        #expect(notices.areAnnounced)
        let (listening, ready) = AsyncStream.makeStream(of: Void.self)
        let (releases, heard) = AsyncStream.makeStream(of: Int64.self)
        let task = Task {
            try await notices.listen(listening: { ready.yield() }, heard: { heard.yield($0) })
        }
        var started = listening.makeAsyncIterator()
        _ = await started.next()
        let published = try CommandLine.run(["publish"], in: forum.folder.url, environment: environment)
        #expect(published.status == 0, "\(published.stderr)")
        var next = releases.makeAsyncIterator()
        let release = await next.next()
        #expect(release == Int64(try Store(postgres: try PostgresAddress(url, password: PostgresServer.password)).releases().last?.number ?? -1))
        task.cancel()
        // Cancelled, the listener closes its connection and returns.
        try await task.value
    }
}
