import ConveneApp
import ConveneCore
import ConveneMail
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

@Suite struct PublishedPageLinksTests {
    @Test func publishingWithABaseURLPutsEachPersonsNewPageLinkInTheirMail() throws {
        let (store, _) = try Forum.store()
        try Forum.draft(store)
        let pages = PageLinks(store: store)
        let someone = try #require(Forum.event.stakeholders.first).id
        let earlier = try pages.issue(for: someone, at: Forum.stamp)
        let publisher = Publisher(store: store)
        try publisher.publish(try publisher.plan(at: Forum.stamp), force: true, reason: nil, pageBaseURL: "https://forum.example.org")
        let messages = try store.outbox()
        #expect(!messages.isEmpty)
        var links: [String: String] = [:]
        for m in messages {
            let text = try Self.plainText(m.bytes)
            let link = try #require(text.range(of: #"https://forum\.example\.org/p/[a-z2-7]{32}"#, options: .regularExpression),
                                    "every invitation carries the page link")
            let url = String(text[link])
            #expect(links[m.person] == nil || links[m.person] == url, "one link a person across their messages")
            links[m.person] = url
            #expect(try pages.person(presenting: url.split(separator: "/").last!) == m.person)
            #expect(!text.contains("write \"accept\""))
        }
        #expect(links[someone] != nil)
        #expect(try pages.person(presenting: Substring(earlier.text)) == someone, "a mailed link is added beside the earlier one")
        // Without a base URL the mail asks for the mail program's buttons, as before.
        let (plain, _) = try Forum.store()
        try Forum.draft(plain)
        try Forum.publish(plain)
        for m in try plain.outbox() { #expect(!(try Self.plainText(m.bytes)).contains("/p/")) }
        #expect(try plain.tokens(.page).isEmpty)
    }

    /// The text/plain part of a composed message, decoded from its base64.
    static func plainText(_ bytes: [UInt8]) throws -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        let start = try #require(raw.range(of: "Content-Transfer-Encoding: base64\r\n\r\n")).upperBound
        let encoded = raw[start...].prefix { $0 != "-" }.filter { !$0.isWhitespace }
        return String(decoding: try #require(Data(base64Encoded: String(encoded))), as: UTF8.self)
    }
}
