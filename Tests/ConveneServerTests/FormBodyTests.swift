@testable import ConveneServer
import Testing

struct FormBodyTests {
    @Test func readsFieldsAsBrowsersEncodeThem() throws {
        let form = try #require(FormBody(Array("a=1&comment=In+Lyon+%26+away&c-x=unavailable&empty=&c-x=if-need-be&flag".utf8)))
        #expect(form["comment"] == "In Lyon & away")
        #expect(form["empty"] == "" && form["flag"] == "" && form["missing"] == nil)
        #expect(form.all("c-x") == ["unavailable", "if-need-be"])
        #expect(FormBody(Array("note=%E5%BE%8C%E3%81%A7".utf8))?["note"] == "後で")
    }

    @Test func brokenEncodingIsNoForm() {
        #expect(FormBody(Array("a=%ZZ".utf8)) == nil)
        #expect(FormBody([0x61, 0x3D, 0xFF]) == nil)
    }
}
