/// Reading and writing instants as ISO 8601 / RFC 3339 date-times with an offset,
/// by hand: instance files hold tens of thousands of them and must round-trip.
extension Instant {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; nil if malformed or without an offset.
    public init?(iso8601 text: String) {
        var utf8 = Array(text.utf8)
        if utf8.count >= 11, utf8[10] == UInt8(ascii: " ") { utf8[10] = UInt8(ascii: "T") }
        guard let local = LocalDateTime.parse(utf8, allowTrailing: true) else { return nil }
        var i = local.consumed
        // Skip a fractional part; instants are whole seconds.
        if i < utf8.count, utf8[i] == UInt8(ascii: ".") {
            i += 1
            while i < utf8.count, (48...57).contains(utf8[i]) { i += 1 }
        }
        guard i < utf8.count else { return nil }
        var offset = 0
        switch utf8[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = utf8[i] == UInt8(ascii: "-") ? -1 : 1
            guard i + 6 == utf8.count, utf8[i + 3] == UInt8(ascii: ":"),
                  let hh = Self.twoDigits(utf8, i + 1), let mm = Self.twoDigits(utf8, i + 4),
                  hh < 24, mm < 60 else { return nil }
            offset = sign * (hh * 3600 + mm * 60)
            i += 6
        default:
            return nil
        }
        guard i == utf8.count else { return nil }
        self.init(secondsSinceEpoch: local.secondsSinceEpoch(utcOffset: offset), utcOffsetSeconds: offset)
    }

    /// The instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z` for a zero offset).
    public var iso8601: String {
        let local = LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + Int64(utcOffsetSeconds))
        var s = local.iso8601
        if utcOffsetSeconds == 0 {
            s += "Z"
        } else {
            let a = abs(utcOffsetSeconds)
            s += (utcOffsetSeconds < 0 ? "-" : "+") + pad2(a / 3600) + ":" + pad2((a % 3600) / 60)
        }
        return s
    }

    static func twoDigits(_ b: [UInt8], _ i: Int) -> Int? {
        guard i + 1 < b.count, (48...57).contains(b[i]), (48...57).contains(b[i + 1]) else { return nil }
        return Int(b[i] - 48) * 10 + Int(b[i + 1] - 48)
    }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad4(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
