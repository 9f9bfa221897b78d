import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII, folded so no header line
/// passes 78 octets.
enum EncodedWords {
    /// Longest encoded word RFC 2047 allows.
    static let maxWordLength = 75
    /// Longest header line RFC 5322 recommends.
    static let maxLineLength = 78
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
        words(text, firstLength: maxWordLength).joined(separator: "\r\n ")
    }

    /// An unstructured header (Subject) with its name, folded: plain when it can be, else encoded
    /// words, the first short enough to share the line with the name.
    static func unstructured(_ name: String, _ text: String) -> String {
        if isPlain(text) { return fold(name, text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)) }
        return fold(name, words(text, firstLength: maxLineLength - name.count - 2))
    }

    /// A display name as a phrase: runs of plain words stay as they are, runs with other characters
    /// become encoded words. A word holds whole words of the name, the space between two kept at the
    /// end of the earlier one; a word of the name too long for one encoded word (more than 15 CJK
    /// characters) is split after a separator such as `・` or `/` where it has one, else between
    /// characters. No word is shortened to share the first line: the header folds before it instead,
    /// since every split of a phrase is a place where some readers (Python's `policy.default`) show a
    /// space.
    static func phrase(_ name: String) -> [String] {
        var atoms: [String] = []
        var run: [Substring] = []
        func flush() {
            guard !run.isEmpty else { return }
            atoms += packed(run).map(word)
            run = []
        }
        for token in name.split(separator: " ") {
            if token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "!#$%&'*+-/=?^_`{|}~".contains($0)) }) {
                flush()
                atoms.append(String(token))
            } else {
                run.append(token)
            }
        }
        flush()
        return atoms
    }

    /// Bytes of text one encoded word of 75 characters holds.
    static var wordCapacity: Int { (maxWordLength - prefix.count - suffix.count) / 4 * 3 }

    /// Separators inside a word of a name after which a too-long word may be split.
    static let separators: Set<Character> = ["・", "･", "·", "/", "／", "-", "‐", "－", "、", "，", ",", "_", "＿", "&", "＆"]

    /// The texts of the encoded words for space-separated `tokens`: whole tokens packed greedily,
    /// a space ending every text but the last.
    static func packed(_ tokens: [Substring]) -> [String] {
        var out: [String] = []
        var current = ""
        for (i, token) in tokens.enumerated() {
            let text = String(token) + (i < tokens.count - 1 ? " " : "")
            if current.utf8.count + text.utf8.count <= wordCapacity {
                current += text
                continue
            }
            if !current.isEmpty { out.append(current) }
            current = ""
            for piece in pieces(text) {
                if current.utf8.count + piece.utf8.count > wordCapacity, !current.isEmpty {
                    out.append(current)
                    current = ""
                }
                current += piece
            }
        }
        if !current.isEmpty || out.isEmpty { out.append(current) }
        return out
    }

    /// A token too long for one word cut into pieces that each fit: after separators where it has
    /// them, and a piece still too long between characters.
    private static func pieces(_ text: String) -> [String] {
        var parts: [String] = []
        var part = ""
        for character in text {
            part.append(character)
            if separators.contains(character) { parts.append(part); part = "" }
        }
        if !part.isEmpty { parts.append(part) }
        return parts.flatMap { piece -> [String] in
            guard piece.utf8.count > wordCapacity else { return [piece] }
            var out: [String] = [], chunk = ""
            for character in piece {
                if chunk.utf8.count + String(character).utf8.count > wordCapacity, !chunk.isEmpty { out.append(chunk); chunk = "" }
                chunk.append(character)
            }
            if !chunk.isEmpty { out.append(chunk) }
            return out
        }
    }

    /// Encoded words of whole characters; the first at most `firstLength` characters long, the
    /// others at most 75. A word ends after a space when one is near, so names split between words.
    static func words(_ text: String, firstLength: Int) -> [String] {
        var out: [String] = []
        var chunk: [Character] = []
        func capacity() -> Int { max(3, ((out.isEmpty ? firstLength : maxWordLength) - prefix.count - suffix.count) / 4 * 3) }
        func bytes(_ cs: some Collection<Character>) -> Int { cs.reduce(0) { $0 + String($1).utf8.count } }
        for character in text {
            if !chunk.isEmpty && bytes(chunk) + String(character).utf8.count > capacity() {
                if let space = chunk.lastIndex(of: " "), space > 0, space < chunk.count - 1 {
                    out.append(word(String(chunk[...space])))
                    chunk = Array(chunk[(space + 1)...])
                } else {
                    out.append(word(String(chunk)))
                    chunk = []
                }
            }
            chunk.append(character)
        }
        if !chunk.isEmpty || out.isEmpty { out.append(word(String(chunk))) }
        return out
    }

    /// `Name: atom atom …`, a line break before any atom that would take the line past 78 octets
    /// (even right after the name, when the atom then fits on its own line).
    static func fold(_ name: String, _ atoms: [String]) -> String {
        var out = "", line = name + ":"
        for atom in atoms {
            let long = line.utf8.count + 1 + atom.utf8.count > maxLineLength
            if long && (line.utf8.count > name.utf8.count + 1 || 1 + atom.utf8.count <= maxLineLength) {
                out += line + "\r\n"
                line = ""
            }
            line += " " + atom
        }
        return out + line
    }

    private static func word(_ text: String) -> String { prefix + Data(text.utf8).base64EncodedString() + suffix }
}
