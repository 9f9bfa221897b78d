/// Finds whose private feed or page a presented token opens.
///
/// The presented token is hashed and its hash looked up. What is compared is a SHA-256 digest of what
/// was presented, never a secret: how long a lookup takes tells nothing about the bytes of any live
/// token, and it does not grow with their number (a store of a hundred events holds tens of thousands).
package struct TokenDirectory: Sendable {
    private let people: [String: String]

    /// The directory of live tokens: hex SHA-256 of each token → its person.
    package init(hashes: [String: String]) {
        people = hashes
    }

    /// The person whose live token this is, or nil.
    package func person(presenting token: Substring) -> String? {
        people[SecretToken.hash(of: String(token))]
    }

    /// Compares every byte whatever the first difference; both are 64-byte hex digests here.
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
