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

    /// A store of a hundred events holds the tokens of ten thousand people: each opens its own feed only.
    @Test func findsEachOwnerAmongTenThousandTokens() {
        let tokens = (0..<10_000).map { _ in SecretToken.random() }
        let directory = TokenDirectory(hashes: Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1.hash, "p-\($0)") }))
        for i in stride(from: 0, to: tokens.count, by: 997) {
            #expect(directory.person(presenting: Substring(tokens[i].text)) == "p-\(i)")
            #expect(directory.person(presenting: Substring(tokens[i].hash)) == nil)
        }
        #expect(directory.person(presenting: Substring(SecretToken.random().text)) == nil)
    }

    @Test func constantTimeEqualComparesWholeDigests() {
        #expect(TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abcd".utf8)))
        #expect(!TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abce".utf8)))
        #expect(!TokenDirectory.constantTimeEqual(Array("abcd".utf8), Array("abc".utf8)))
    }
}
