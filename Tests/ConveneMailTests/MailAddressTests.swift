import Foundation
@testable import ConveneMail
import Testing

@Suite struct MailAddressTests {
    @Test func plainNamesAreQuotedAndOthersEncoded() throws {
        #expect(try MailAddress(name: "Claire \"CD\" Dubois", address: "claire@example.fr").header("To")
            == "To: \"Claire \\\"CD\\\" Dubois\" <claire@example.fr>")
        // A short name is one encoded word, the space inside it, on the line with the address.
        let ja = try MailAddress(name: "佐藤 花子", address: "hanako@example.jp").header("To")
        #expect(ja == "To: =?UTF-8?B?5L2Q6JekIOiKseWtkA==?= <hanako@example.jp>")
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
