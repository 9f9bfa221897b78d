import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// Several senders on one PostgreSQL outbox: the database decides who sends what (`Store.claimNextDue`).
@Suite(.serialized, .enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresOutboxTests {
    typealias Forum = AdminScenarioTests.Forum

    /// The example forum published (its invitations queued), copied into a new PostgreSQL database.
    static func published() throws -> (PostgresAddress, [String]) {
        let forum = try Forum().scheduled()
        let published = try forum.convene("publish")
        #expect(published.status == 0, "\(published.stderr)")
        let url = try PostgresServer.shared.get().makeDatabase()
        let copied = try CommandLine.run(["migrate", "--from", forum.db, "--to", url], in: forum.folder.url,
                                         environment: ["PGPASSWORD": PostgresServer.password])
        #expect(copied.status == 0, "\(copied.stderr)")
        let queued = try Store(path: forum.db).outbox(includingBytes: false).filter { $0.state == .queued }.map(\.messageID)
        return (try PostgresAddress(url, password: PostgresServer.password), queued)
    }

    @Test func twoSendersClaimingAtOnceNeverGetTheSameMessage() throws {
        let (address, queued) = try Self.published()
        #expect(queued.count > 100)
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        // Two servers: two stores, each with its own connections.
        let a = try Store(postgres: address), b = try Store(postgres: address)
        let mark = try a.outboxMark()
        let claimed = Locked<[String: [String]]>([:])
        let group = DispatchGroup()
        for (name, store) in [("a", a), ("b", b)] {
            DispatchQueue(label: name).async(group: group) {
                var mine: [String] = []
                while let m = try? store.claimNextDue(at: now, staleAfter: 300, through: mark) { mine.append(m.messageID) }
                claimed.withLockedValue { $0[name] = mine }
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        let x = claimed.withLockedValue { $0["a"] ?? [] }, y = claimed.withLockedValue { $0["b"] ?? [] }
        #expect(Set(x).isDisjoint(with: y) && x.count == Set(x).count && y.count == Set(y).count)
        #expect(Set(x + y) == Set(queued) && x.count + y.count == queued.count)
        // Both took part: neither waited for the other's locks to go.
        #expect(!x.isEmpty && !y.isEmpty, "\(x.count) and \(y.count)")
        // A claim nobody resolved is taken again only once it is stale.
        #expect(try a.claimNextDue(at: Instant(secondsSinceEpoch: now.secondsSinceEpoch + 299), staleAfter: 300, through: mark) == nil)
        #expect(try a.claimNextDue(at: Instant(secondsSinceEpoch: now.secondsSinceEpoch + 300), staleAfter: 300, through: mark) != nil)
    }

    @Test func aMessageAnotherSenderHoldsIsSkippedNotWaitedFor() async throws {
        let (address, queued) = try Self.published()
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        let store = try Store(postgres: address)
        let mark = try store.outboxMark()
        // Another sender in the middle of its claim: the first message's row is locked until it commits.
        let other = try await PostgresLink.open(address)
        try await other.rows("BEGIN")
        try await other.rows("SELECT message_id FROM outbox WHERE message_id = \(queued[0]) FOR UPDATE")
        // Were the held row waited for rather than skipped, this would still be waiting when the thread gives up.
        let passed = try PostgresDeliveryTests.onThread(within: 30) { try store.claimNextDue(at: now, staleAfter: 300, through: mark) }
        #expect(passed?.messageID == queued[1])
        // The holder gave up (rolled back): the message is free for the next claim.
        try await other.rows("ROLLBACK")
        await other.close()
        #expect(try store.claimNextDue(at: now, staleAfter: 300, through: mark)?.messageID == queued[0])
    }
}
