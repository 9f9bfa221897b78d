@testable import ConveneServer
import Testing

struct FeedLinksTests {
    @Test func givesWebAndWebcalLinks() throws {
        let links = try FeedLinks(baseURL: "https://forum.example.org/convene/")
        #expect(links.base == "https://forum.example.org/convene")
        #expect(links.web(FeedLinks.publicPath("rooms/hall.ics")) == "https://forum.example.org/convene/feeds/rooms/hall.ics")
        #expect(links.webcal(FeedLinks.publicPath("event.ics")) == "webcal://forum.example.org/convene/feeds/event.ics")
        #expect(FeedLinks.local(host: "127.0.0.1", port: 8080).webcal("/x") == "webcal://127.0.0.1:8080/x")
    }

    @Test func refusesWhatIsNotAPlainHttpURL() {
        for bad in ["ftp://example.org", "example.org", "https://", "https:///x", "https://a b", "https://x?y=1",
                    "https://x#f", "https://x\r\nSet-Cookie: a", "javascript:alert(1)"] {
            #expect(throws: ServerError.self, "\(bad)") { try FeedLinks(baseURL: bad) }
        }
    }
}
