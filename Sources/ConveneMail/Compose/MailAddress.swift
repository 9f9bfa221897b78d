import Foundation

/// A mailbox: an address and the name to show with it.
public struct MailAddress: Sendable, Hashable {
    public var name: String?
    public var address: String

    /// Checks the address and the name: no control characters, exactly one `@`, no spaces or brackets.
    public init(name: String? = nil, address: String, context: String = "address") throws {
        try HeaderValue.check(address, field: "address", context: context)
        if let name { try HeaderValue.check(name, field: "name", context: context) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let allowed = address.unicodeScalars.allSatisfy {
            $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains($0)
        }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), allowed else {
            throw MailError("\(context): '\(address)' is not a mail address like name@example.org")
        }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// The part after `@`.
    public var domain: String { String(address.split(separator: "@").last ?? "") }

    /// The whole header line(s) `Field: Name <a@b>`, folded at 78 octets: the name quoted, or
    /// RFC 2047-encoded and split between words as needed.
    func header(_ field: String) -> String {
        guard let name else { return EncodedWords.fold(field, ["<\(address)>"]) }
        if EncodedWords.isPlain(name) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return EncodedWords.fold(field, ["\"\(escaped)\"", "<\(address)>"])
        }
        let atoms = EncodedWords.phrase(name)
        return EncodedWords.fold(field, atoms + ["<\(address)>"])
    }
}
