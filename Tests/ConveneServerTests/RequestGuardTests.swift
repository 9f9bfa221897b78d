@testable import ConveneServer
import Testing

struct RequestGuardTests {
    typealias Guard = RequestGuard

    @Test func plainPathsPass() {
        for path in ["/", "/agenda", "/feeds/event.ics", "/feeds/rooms/%E4%B8%AD.ics", "/private/abc.ics", "/feeds/a.b.ics"] {
            #expect(Guard.isPlain(path), "\(path)")
        }
    }

    @Test func climbingOrOddPathsAreRefused() {
        for path in ["/feeds/../x", "/feeds/%2E%2E/x", "/feeds/.%2e/x", "/./feeds", "/feeds/a%2fb", "/feeds/a%5cb",
                     "/feeds/a\\b", "/feeds/%00", "/feeds/%0d%0a", "/feeds/%zz", "feeds/event.ics", "/feeds/.."] {
            #expect(!Guard.isPlain(path), "\(path)")
        }
    }
}
