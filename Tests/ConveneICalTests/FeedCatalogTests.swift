import ConveneCore
import ConveneICal
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

    @Test func indexListsFeedsWithoutPersonalNames() {
        let feeds = FeedCatalog.feeds(of: ForumFixture.publication)
        let index = FeedCatalog.index(of: feeds, event: ForumFixture.event)
        #expect(index.contains("{\"kind\": \"room\", \"id\": \"hall\", \"title\": \"希少がんフォーラム2027 / Rare Cancers Forum 2027 — 大ホール / Main hall\", \"path\": \"rooms/hall.ics\"}"))
        #expect(index.contains("{\"kind\": \"person\", \"id\": \"p-sato\", \"path\": \"people/p-sato.ics\"}"))
        #expect(!index.contains("佐藤"))
    }
}
