import Foundation

/// Just enough MIME reading to find the calendar in a reply: nested multiparts, base64,
/// quoted-printable or plain parts.
enum MIMEParts {
    /// The decoded text of the first text/calendar part, or nil.
    static func calendarPart(of message: String) -> String? {
        let (headers, body) = split(message)
        let type = header("content-type", in: headers) ?? "text/plain"
        if type.lowercased().hasPrefix("multipart/") {
            guard let boundary = parameter("boundary", of: type) else { return nil }
            for part in body.components(separatedBy: "--" + boundary).dropFirst() {
                if part.hasPrefix("--") { break }
                if let found = calendarPart(of: String(part.drop { $0 == "\r" || $0 == "\n" })) { return found }
            }
            return nil
        }
        guard type.lowercased().hasPrefix("text/calendar") else { return nil }
        switch header("content-transfer-encoding", in: headers)?.lowercased() {
        case "base64": return Data(base64Encoded: body, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) }
        case "quoted-printable": return quotedPrintable(body)
        default: return body
        }
    }

    /// Headers (unfolded) and body.
    static func split(_ text: String) -> ([String], String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let pieces = normalized.components(separatedBy: "\n\n")
        let head = pieces.first ?? ""
        let body = pieces.dropFirst().joined(separator: "\n\n")
        var headers: [String] = []
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                headers.append(String(line))
            }
        }
        return (headers, body)
    }

    static func header(_ name: String, in headers: [String]) -> String? {
        for h in headers {
            guard let colon = h.firstIndex(of: ":") else { continue }
            if h[..<colon].lowercased() == name { return h[h.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == name { return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    static func quotedPrintable(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.replacingOccurrences(of: "=\n", with: "").utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
               let v = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
