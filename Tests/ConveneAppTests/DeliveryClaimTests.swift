import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// How a run on SQLite treats claims: under the lease it is the only sender, so what another run
/// claimed and never settled is that dead run's, and goes again at once.
@Suite struct DeliveryClaimTests {
    @Test func onSQLiteAClaimADeadRunLeftIsSentAgainAtOnce() throws {
        let (store, _) = try Forum.published()
        #expect(!store.sendsSideBySide)
        let first = try store.dueMessages(at: Forum.stamp)[0].messageID
        // A run claimed it a minute ago and died before it heard back.
        #expect(try store.claim(first, at: Forum.stamp.adding(minutes: -1)))
        let t = ScriptedTransport([])
        let report = try Delivery(store: store, transport: t, sender: "forum@example.org", now: { Forum.stamp }, sleep: { _ in }).run()
        #expect(report.sent == 6 && t.delivered.first == first)
        #expect(try store.outboxStatus().sending == 0)
    }

    @Test func claimsGoInQueueOrderAndAFreshClaimIsNotTakenAgain() throws {
        let (store, _) = try Forum.published()
        let mark = try store.outboxMark()
        var claimed: [String] = []
        while let m = try store.claimNextDue(at: Forum.stamp, staleAfter: 300, through: mark) { claimed.append(m.messageID) }
        #expect(claimed == (try store.outbox()).map(\.messageID))
        // Stale after five minutes: then each goes again, first the first.
        #expect(try store.claimNextDue(at: Forum.stamp.adding(minutes: 5), staleAfter: 300, through: mark)?.messageID == claimed.first)
    }
}
