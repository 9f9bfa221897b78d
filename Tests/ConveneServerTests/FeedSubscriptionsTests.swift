import ConveneCore
import ConveneStore
@testable import ConveneServer
import Testing

struct FeedSubscriptionsTests {
    static let now = Fixture.at("2027-02-03T00:00:00Z")

    @Test func listingIssuesLinksOnceAndStoresOnlyHashes() throws {
        let f = try Fixture()
        defer { f.remove() }
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        let links = try FeedLinks(baseURL: "https://forum.example.org")
        let first = try subscriptions.list(links: links, at: Self.now)
        let people = first.filter { $0.kind == "person" }
        #expect(people.map(\.id) == ["ito", "kimura", "martin"])
        #expect(people.allSatisfy { $0.status == "new" && $0.web!.hasPrefix("https://forum.example.org/private/") })
        #expect(people.allSatisfy { $0.webcal!.hasPrefix("webcal://forum.example.org/private/") })
        #expect(first.contains { $0.kind == "event" && $0.web == "https://forum.example.org/events/test-forum/feeds/event.ics" })

        let second = try subscriptions.list(links: links, at: Self.now)
        #expect(second.filter { $0.kind == "person" }.allSatisfy { $0.status == "active" && $0.web == nil })

        let hashes = try f.store.liveFeedTokenHashes()
        #expect(hashes.count == 3)
        for person in people {
            let token = String(person.web!.dropFirst("https://forum.example.org/private/".count).dropLast(4))
            #expect(hashes[PrivateFeedToken.hash(of: token)] == person.id)
            #expect(hashes[token] == nil)
        }
    }

    @Test func issuingAgainRevokesTheEarlierToken() throws {
        let f = try Fixture()
        defer { f.remove() }
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        let old = try subscriptions.issue(for: "ito", at: Self.now)
        let new = try subscriptions.issue(for: "ito", at: Self.now)
        #expect(try f.store.liveFeedTokenHashes() == [new.hash: "ito"])
        #expect(try f.store.feedTokens().map(\.isLive) == [false, true])
        #expect(old != new)
    }

    @Test func revokingChangesTheStampAndLeavesNoLiveToken() throws {
        let f = try Fixture()
        defer { f.remove() }
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        _ = try subscriptions.issue(for: "martin", at: Self.now)
        let before = try f.store.changeStamp()
        try subscriptions.revoke("martin", at: Self.now)
        #expect(try f.store.changeStamp() != before)
        #expect(try f.store.liveFeedTokenHashes().isEmpty)
        #expect(throws: StoreError.self) { try subscriptions.revoke("martin", at: Self.now) }
        #expect(try f.store.auditLog().last?.detail == "private feed token of martin revoked")
    }

    @Test func unknownPeopleAndBadHashesAreRefused() throws {
        let f = try Fixture()
        defer { f.remove() }
        let subscriptions = FeedSubscriptions(store: f.store, source: StoreFeedSource(store: f.store))
        #expect(throws: StoreError("no stakeholder 'nobody' in the plan")) { _ = try subscriptions.issue(for: "nobody", at: Self.now) }
        #expect(throws: StoreError.self) { try f.store.addFeedToken(hash: "not-a-hash", for: "ito", at: Self.now) }
        #expect(try f.store.feedTokens().isEmpty)
    }
}
