import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, as an HTML form posts them.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    /// Reads a body; nil when it is not valid UTF-8 or a field's percent-encoding is broken.
    init?(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            fields.append((name, value))
        }
    }

    /// The first value of a field, or nil.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of a field, in order.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
