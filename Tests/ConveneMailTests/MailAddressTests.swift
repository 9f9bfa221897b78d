@testable import ConveneMail
import Testing

@Suite struct MailAddressTests {
    @Test func plainNamesAreQuotedAndOthersEncoded() throws {
        #expect(try MailAddress(name: "Claire \"CD\" Dubois", address: "claire@example.fr").header
            == "\"Claire \\\"CD\\\" Dubois\" <claire@example.fr>")
        let ja = try MailAddress(name: "佐藤 花子", address: "hanako@example.jp").header
        #expect(ja.hasPrefix("=?UTF-8?B?") && ja.hasSuffix("\r\n <hanako@example.jp>"))
    }

    @Test func lineBreaksInNamesOrAddressesAreRefused() {
        #expect(throws: MailError.self) { try MailAddress(name: "Eve\r\nBcc: all@example.org", address: "eve@example.org") }
        #expect(throws: MailError.self) { try MailAddress(address: "eve@example.org\nBcc: x@example.org") }
        #expect(throws: MailError.self) { try MailAddress(address: "eve\0@example.org") }
    }

    @Test func somethingThatIsNotAnAddressIsRefused() {
        for bad in ["no-at-sign", "two@@example.org", "a@localhost", "a b@example.org", "<a@example.org>", "@example.org"] {
            #expect(throws: MailError.self) { try MailAddress(address: bad) }
        }
    }
}
