import Crypto
import Foundation

/// The identifiers schedule apps key on, derived from Convene's ids only, so every export of the
/// same plan gives the same ones: RFC 4122 version 5 UUIDs and small positive numbers.
enum FrabIDs {
    /// The URL namespace of RFC 4122, which frab, pretalx and c3voc's tools use too.
    private static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The version 5 UUID of a name in the URL namespace, in lowercase.
    static func uuid(_ name: String) -> String {
        var hash = Array(Insecure.SHA1.hash(data: urlNamespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
            String(hex[hex.index(hex.startIndex, offsetBy: r.lowerBound)..<hex.index(hex.startIndex, offsetBy: r.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    /// A six-digit number per id, stable while the ids stay; ties go to the next free number in id
    /// order, and numbers in `taken` (kept from an imported schedule) are never given.
    static func numbers(_ ids: [String], taken reserved: Set<Int> = []) -> [String: Int] {
        var taken = reserved, out: [String: Int] = [:]
        for id in Set(ids).sorted() {
            var h: UInt32 = 0x811C_9DC5
            for b in id.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
            var n = 100_000 + Int(h % 900_000)
            while taken.contains(n) { n = n == 999_999 ? 100_000 : n + 1 }
            taken.insert(n)
            out[id] = n
        }
        return out
    }

    /// Lowercase letters, digits and single `-` (for slugs), never empty.
    static func slug(_ text: String, allowUnderscore: Bool = false) -> String {
        var out = ""
        for u in text.lowercased().unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil || (allowUnderscore && u == "_") {
                out.unicodeScalars.append(u)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// A plan id from a name: letters folded to ASCII where Unicode says how (é → e, 東京 → dong jing),
    /// then as `slug`.
    static func identifier(_ text: String) -> String {
        let folded = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        return slug(folded)
    }
}
