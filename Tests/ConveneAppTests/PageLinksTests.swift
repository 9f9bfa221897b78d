import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct PageLinksTests {
    @Test func listIssuesOneLinkAPersonAndKeepsOnlyHashes() throws {
        let (store, _) = try Forum.store()
        let pages = PageLinks(store: store)
        let first = try pages.list(baseURL: "https://forum.example.org/", at: Forum.stamp)
        #expect(first.map(\.person) == Forum.event.stakeholders.map(\.id).sorted())
        #expect(first.allSatisfy { $0.status == "new" && $0.url?.hasPrefix("https://forum.example.org/p/") == true })
        let again = try pages.list(baseURL: "https://forum.example.org", at: Forum.stamp)
        #expect(again.allSatisfy { $0.status == "active" && $0.url == nil })
        // Each listed link opens its owner's page; the database holds no token text.
        for link in first {
            let token = try #require(link.url?.split(separator: "/").last)
            #expect(try pages.person(presenting: token) == link.person)
            #expect(!(try store.liveTokenHashes(.page).keys.contains(String(token))))
        }
    }

    @Test func aPageTokenIsNotAFeedTokenAndRevokingEndsIt() throws {
        let (store, _) = try Forum.store()
        let pages = PageLinks(store: store)
        let person = try #require(Forum.event.stakeholders.first).id
        let old = try pages.issue(for: person, at: Forum.stamp)
        let token = try pages.issue(for: person, at: Forum.stamp)
        #expect(try pages.person(presenting: Substring(old.text)) == nil, "a reissued link replaces the old one")
        #expect(try pages.person(presenting: Substring(token.text)) == person)
        #expect(try store.liveFeedTokenHashes().isEmpty, "a page token opens no feed")
        try store.addFeedToken(hash: SecretToken.random().hash, for: person, at: Forum.stamp)
        try pages.revoke(person, at: Forum.stamp)
        #expect(try pages.person(presenting: Substring(token.text)) == nil)
        #expect(try store.liveFeedTokenHashes().count == 1, "revoking the page leaves the feed alone")
        #expect(throws: StoreError.self) { try pages.revoke(person, at: Forum.stamp) }
        #expect(try store.auditLog().filter { $0.action == "page-token" }.map(\.detail).last == "page link of \(person) revoked")
    }

    @Test func tokensCarryAtLeast128Bits() {
        #expect(SecretToken.random().text.count * 5 >= 128)
        #expect(PageLinks.url(baseURL: "http://h:1//", token: SecretToken.random()).hasPrefix("http://h:1/p/"))
    }
}
