/// Cleans values before they reach libical, which writes addresses and URLs verbatim: a CR or LF
/// there would start a new property in every subscriber's calendar.
enum FeedText {
    /// A TEXT value (SUMMARY, DESCRIPTION, LOCATION): line breaks become LF, which libical
    /// escapes as `\n`; NUL and other control characters are dropped.
    static func text(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return s }
        // Control characters are all ASCII, so working on UTF-8 bytes never splits a character.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for b in s.utf8 {
            defer { previousCR = b == 13 }
            if b == 13 { out.append(10); continue }
            if b == 10 { if !previousCR { out.append(10) }; continue }
            if b == 9 || (b >= 0x20 && b != 0x7F) { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A parameter value (CN) ready for libical, which quotes it and writes RFC 6868's `^'` for a
    /// double quote and `^n` for a line break but leaves `^` bare: escaping it here as `^^` makes
    /// every character come back as it was. Other control characters cannot be written and are dropped.
    static func parameter(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "^": out.append(contentsOf: "^^".unicodeScalars)
            case "\r": out.append("\n")
            case "\n": if !previousCR { out.append("\n") }
            default: if !isControl(u) || u == "\t" { out.append(u) }
            }
        }
        return String(out)
    }

    /// An e-mail address or URL: refused outright if it holds a control character.
    static func address(_ s: String, field: String) throws -> String {
        if let bad = s.unicodeScalars.first(where: isControl) {
            throw ICalError(field: field, message: "'\(s.debugDescription.dropFirst().dropLast())' contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4)); fix it in the plan")
        }
        return s
    }

    /// An X-property value with TEXT escaping, which libical 3.0.16 does not give X-properties
    /// (it escapes `\\` and newlines there but leaves `;` and `,` bare).
    static func xText(_ s: String) -> String {
        var out = ""
        for c in text(s) {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A whole content line `NAME:value` with CRLF, folded at 75 octets, never inside a character.
    static func contentLine(name: String, value: String) -> String {
        var out = ""
        var width = 0
        for u in (name + ":" + value).unicodeScalars {
            let octets = String(u).utf8.count
            if width + octets > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(u)
            width += octets
        }
        return out + "\r\n"
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || u.value == 0x7F }
}
