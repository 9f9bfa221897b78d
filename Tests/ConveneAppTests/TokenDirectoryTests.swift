@testable import ConveneApp
import Testing

struct TokenDirectoryTests {
    @Test func findsTheOwnerOfALiveTokenOnly() {
        let a = SecretToken.random(), b = SecretToken.random()
        let directory = TokenDirectory(hashes: [a.hash: "ito", b.hash: "martin"])
        #expect(directory.person(presenting: Substring(a.text)) == "ito")
        #expect(directory.person(presenting: Substring(b.text)) == "martin")
        #expect(directory.person(presenting: Substring(SecretToken.random().text)) == nil)
        #expect(directory.person(presenting: "") == nil)
        #expect(directory.person(presenting: Substring(a.hash)) == nil)
    }

    @Test func constantTimeEqualComparesWholeDigests() {
        #expect(TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abcd".utf8)))
        #expect(!TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abce".utf8)))
        #expect(!TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abc".utf8)))
    }
}
