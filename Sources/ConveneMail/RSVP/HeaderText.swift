import Foundation

/// Reads RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) in a header, as mail
/// clients write non-ASCII subjects and names; blanks between two encoded words are dropped.
enum HeaderText {
    static func decode(_ header: String) -> String {
        var out = ""
        var pendingBlank = ""
        var lastWasEncoded = false
        var rest = Substring(header)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (text, after) = word(rest) {
                if !lastWasEncoded { out += pendingBlank }
                out += text
                pendingBlank = ""
                lastWasEncoded = true
                rest = after
            } else if let c = rest.first, c == " " || c == "\t" {
                pendingBlank.append(c)
                rest = rest.dropFirst()
            } else {
                out += pendingBlank + String(rest.first!)
                pendingBlank = ""
                lastWasEncoded = false
                rest = rest.dropFirst()
            }
        }
        return out + pendingBlank
    }

    /// One encoded word at the start of `text`, decoded, and what follows it.
    private static func word(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[2].count < 1000 else { return nil }
        let charset = parts[0].lowercased(), encoding = parts[1].uppercased(), payload = parts[2]
        var bytes: [UInt8]
        switch encoding {
        case "B":
            guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else { return nil }
            bytes = Array(data)
        case "Q":
            bytes = []
            let raw = Array(payload.utf8)
            var i = 0
            while i < raw.count {
                if raw[i] == UInt8(ascii: "_") {
                    bytes.append(32)
                } else if raw[i] == UInt8(ascii: "="), i + 2 < raw.count, let v = UInt8(String(decoding: raw[i + 1...i + 2], as: UTF8.self), radix: 16) {
                    bytes.append(v)
                    i += 2
                } else {
                    bytes.append(raw[i])
                }
                i += 1
            }
        default:
            return nil
        }
        let stringEncoding: String.Encoding
        switch charset {
        case "iso-8859-1", "latin1": stringEncoding = .isoLatin1
        case "iso-2022-jp": stringEncoding = .iso2022JP
        case "shift_jis": stringEncoding = .shiftJIS
        case "euc-jp": stringEncoding = .japaneseEUC
        case "windows-1252": stringEncoding = .windowsCP1252
        default: stringEncoding = .utf8
        }
        let decoded = String(data: Data(bytes), encoding: stringEncoding) ?? String(decoding: bytes, as: UTF8.self)
        let end = parts[3].index(after: parts[3].startIndex)
        return (decoded, text[end...])
    }
}
