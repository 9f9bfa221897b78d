import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// Several senders on one PostgreSQL outbox: the database decides who sends what.
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

    @Test func twoSendersClaimingAtOnceNeverGetTheSameMessage() async throws {
        let (address, queued) = try Self.published()
        #expect(queued.count > 100)
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        let a = try await PostgresLink.open(address), b = try await PostgresLink.open(address)
        func drain(_ link: PostgresLink) async throws -> [String] {
            var mine: [String] = []
            while let id = try await link.claimNextMessage(at: now, staleAfter: 300) { mine.append(id) }
            return mine
        }
        async let first = drain(a)
        async let second = drain(b)
        let (x, y) = try await (first, second)
        #expect(Set(x).isDisjoint(with: y) && x.count == Set(x).count && y.count == Set(y).count)
        #expect(Set(x + y) == Set(queued) && x.count + y.count == queued.count)
        // Both took part: neither waited for the other's locks to go.
        #expect(!x.isEmpty && !y.isEmpty, "\(x.count) and \(y.count)")
        // A claim nobody resolved is taken again only once it is stale.
        #expect(try await a.claimNextMessage(at: Instant(secondsSinceEpoch: now.secondsSinceEpoch + 299), staleAfter: 300) == nil)
        #expect(try await a.claimNextMessage(at: Instant(secondsSinceEpoch: now.secondsSinceEpoch + 300), staleAfter: 300) != nil)
        await a.close()
        await b.close()
    }

    @Test func aMessageAnotherSenderHoldsIsSkippedNotWaitedFor() async throws {
        let (address, _) = try Self.published()
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        let a = try await PostgresLink.open(address), b = try await PostgresLink.open(address)
        // Were the held row waited for rather than skipped, this claim would fail instead of hanging.
        try await b.rows("SET statement_timeout = '2s'")
        try await a.rows("BEGIN")
        let held = try #require(try await a.claimNextMessage(at: now, staleAfter: 300))
        let started = ContinuousClock.now
        let other = try await b.claimNextMessage(at: now, staleAfter: 300)
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(other != nil && other != held)
        // The holder gave up (rolled back): the message is free for the next claim.
        try await a.rows("ROLLBACK")
        #expect(try await b.claimNextMessage(at: now, staleAfter: 300) == held)
        await a.close()
        await b.close()
    }
}
