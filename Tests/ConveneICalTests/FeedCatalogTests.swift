import ConveneCore
import ConveneICal
import Foundation
import Testing

struct FeedCatalogTests {
    @Test func listsEveryFeedWithStableNames() {
        let feeds = FeedCatalog.feeds(of: ForumFixture.publication)
        #expect(feeds.map(\.path) == [
            "event.ics", "rooms/hall.ics", "rooms/room-b.ics", "tracks/access.ics", "tracks/main.ics",
            "groups/patient.ics", "groups/industry.ics", "groups/clinician.ics",
            "people/c-ito.ics", "people/i-lee.ics", "people/p-sato.ics",
        ])
        #expect(feeds[0].title == "希少がんフォーラム2027 / Rare Cancers Forum 2027")
    }

    @Test func idsThatAreNotFileNamesAreEscaped() {
        var event = ForumFixture.event
        event.rooms.append(Room(id: "../etc", name: LocalizedText(en: "Odd"), capacity: 1))
        let feeds = FeedCatalog.feeds(of: Publication(event: event, removed: [], history: []))
        #expect(feeds.contains { $0.path == "rooms/%2E.%2Fetc.ics" })
    }

    @Test func indexListsFeedsWithoutPersonalNames() throws {
        let feeds = FeedCatalog.feeds(of: ForumFixture.publication)
        let data = try FeedCatalog.index(of: feeds, event: ForumFixture.event)
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(index["event"] as? String == "rare-cancers-forum-2027")
        let rows = index["feeds"] as? [[String: String]] ?? []
        #expect(rows.count == feeds.count)
        #expect(rows.contains(["kind": "room", "id": "hall", "path": "rooms/hall.ics",
                               "title": "希少がんフォーラム2027 / Rare Cancers Forum 2027 — 大ホール / Main hall"]))
        #expect(rows.contains(["kind": "person", "id": "p-sato", "path": "people/p-sato.ics"]))
        #expect(!String(decoding: data, as: UTF8.self).contains("佐藤"))
    }
}
