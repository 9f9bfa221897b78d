/// Finds whose private feed or page a presented token opens, taking the same time whether it opens one or not.
///
/// The presented token is hashed, then compared with every live hash in full, without stopping at a
/// match: an unknown, a revoked and a valid token cost the same work before the answer.
package struct TokenDirectory: Sendable {
    private let entries: [(hash: [UInt8], person: String)]

    package init(hashes: [String: String]) {
        entries = hashes.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
    }

    /// The person whose live token this is, or nil.
    package func person(presenting token: Substring) -> String? {
        let presented = Array(SecretToken.hash(of: String(token)).utf8)
        var found: String?
        for entry in entries where Self.constantTimeEqual(entry.hash, presented) {
            found = entry.person
        }
        return found
    }

    /// Compares every byte whatever the first difference; both are 64-byte hex digests here.
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
