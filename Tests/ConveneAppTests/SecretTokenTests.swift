@testable import ConveneApp
import Testing

struct SecretTokenTests {
    @Test func tokensCarry160RandomBitsInUrlSafeLetters() {
        let tokens = (0..<200).map { _ in SecretToken.random() }
        #expect(Set(tokens.map(\.text)).count == tokens.count)
        for token in tokens {
            #expect(token.text.count == 32)
            #expect(token.text.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        }
    }

    @Test func hashIsLowercaseHexSHA256OfTheToken() {
        // SHA-256("abc") from FIPS 180-2.
        #expect(SecretToken.hash(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = SecretToken.random()
        #expect(token.hash == SecretToken.hash(of: token.text))
        #expect(token.hash.count == 64)
    }

    @Test func base32MatchesRFC4648() {
        var zeros = ZeroGenerator()
        #expect(SecretToken.random(using: &zeros).text == String(repeating: "a", count: 32))
    }
}

/// Gives only zero bits, to pin the encoding.
private struct ZeroGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
