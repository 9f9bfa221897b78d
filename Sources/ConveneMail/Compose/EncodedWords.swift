import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII.
enum EncodedWords {
    /// Longest encoded word RFC 2047 allows.
    static let maxWordLength = 75
    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="

    /// True when the text can go into a header as it is.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
            && !text.contains("=?")
    }

    /// The text as encoded words of at most 75 characters, each holding whole characters
    /// (grapheme clusters), joined by CRLF + space so each sits on its own folded line.
    static func encode(_ text: String) -> String {
        // 75 - 12 octets of markers leave 63 base64 characters: 45 bytes of UTF-8, rounded down to whole triples.
        let maxBytes = (maxWordLength - prefix.count - suffix.count) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > maxBytes {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String { prefix + Data(bytes).base64EncodedString() + suffix }
}
