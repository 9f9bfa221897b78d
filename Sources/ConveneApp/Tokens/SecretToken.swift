import Crypto

/// The secret in a private feed's or page's URL: 160 random bits written as 32 lowercase base32 letters.
///
/// Only its SHA-256 is ever stored; the token itself is shown once, when it is issued.
public struct SecretToken: Sendable, Hashable, CustomStringConvertible {
    /// The token as it appears in the URL.
    public let text: String

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    package static let byteCount = 20

    /// A fresh token from the system's cryptographic random source.
    public static func random() -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A fresh token from the given generator (a cryptographically secure one outside tests).
    public static func random(using generator: inout some RandomNumberGenerator) -> SecretToken {
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SecretToken(text: base32(bytes))
    }

    package init(text: String) { self.text = text }

    /// Lowercase hex SHA-256 of the token: what the database keeps.
    public var hash: String { Self.hash(of: text) }

    /// Lowercase hex SHA-256 of any string, for hashing what a request presents.
    package static func hash(of text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
    }

    public var description: String { text }

    private static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer = 0
        var bits = 0
        for b in bytes {
            buffer = (buffer << 8) | Int(b)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }
}
