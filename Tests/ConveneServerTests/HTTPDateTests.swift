import ConveneCore
@testable import ConveneServer
import Testing

struct HTTPDateTests {
    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(Instant(iso8601: "1994-11-06T08:49:37Z")!) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Instant(iso8601: "2027-03-12T09:05:00+09:00")!) == "Fri, 12 Mar 2027 00:05:00 GMT")
    }

    @Test func readsBackWhatItWrites() {
        let instant = Instant(iso8601: "2027-02-01T08:00:00Z")!
        #expect(HTTPDate.parse(HTTPDate.format(instant)) == instant)
    }

    @Test func ignoresOtherDateForms() {
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 JST") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
        #expect(HTTPDate.parse("") == nil)
    }
}
