/// Header values checked before they reach a message: one place that makes header injection impossible.
enum HeaderValue {
    /// Throws when `value` holds CR, LF or NUL, naming the field and what it belongs to.
    static func check(_ value: String, field: String, context: String) throws {
        for u in value.unicodeScalars where u == "\r" || u == "\n" || u == "\0" {
            let what = u == "\0" ? "NUL" : (u == "\r" ? "CR" : "LF")
            throw MailError("\(context): \(field) contains a \(what) character, which is not allowed in a mail header: \(visible(value))")
        }
    }

    /// The value with control characters shown, for error messages.
    static func visible(_ value: String) -> String {
        var out = ""
        for u in value.unicodeScalars {
            switch u {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(u)
            }
        }
        return "'" + out + "'"
    }
}
