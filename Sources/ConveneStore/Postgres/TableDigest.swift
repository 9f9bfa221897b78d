import Crypto
import Foundation

/// One value of a row, as both databases can hold it.
enum CopiedValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes(Data)
}

/// A table's row count and SHA-256 over its rows in primary-key order, every value written the same
/// way whichever database it was read from: a tag, then its bytes (a length first for text and blobs,
/// the bit pattern for reals), so two tables agree only when every value does.
struct TableDigest {
    private var hash = SHA256()
    private(set) var rows = 0

    mutating func add(_ row: [CopiedValue]) {
        rows += 1
        var bytes: [UInt8] = [0x52]  // "R"
        func append(_ n: UInt64) { withUnsafeBytes(of: n.bigEndian) { bytes += $0 } }
        for value in row {
            switch value {
            case .null: bytes.append(0x4E)
            case .integer(let i): bytes.append(0x49); append(UInt64(bitPattern: i))
            case .real(let r): bytes.append(0x46); append(r.bitPattern)
            case .text(let s): bytes.append(0x54); append(UInt64(s.utf8.count)); bytes += s.utf8
            case .bytes(let d): bytes.append(0x42); append(UInt64(d.count)); bytes += d
            }
        }
        hash.update(data: bytes)
    }

    /// The digest in lowercase hexadecimal.
    var checksum: String {
        hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
