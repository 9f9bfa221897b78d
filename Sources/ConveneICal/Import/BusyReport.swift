public import ConveneCore

/// What `convene busy` prints: a calendar's busy time in UTC, merged, as text or JSON.
public struct BusyReport: Sendable {
    /// The span asked for.
    public var window: Interval
    /// Firm busy time, merged, in UTC.
    public var busy: [Interval]
    /// Tentative busy time (FBTYPE=BUSY-TENTATIVE), merged, in UTC.
    public var tentative: [Interval]
    /// What the calendar held that could not be used.
    public var skipped: [ICalError]
    /// Readings worth knowing, e.g. an unknown TZID read as floating time.
    public var notes: [ICalError]

    /// Summarizes an import over the window it was read for.
    public init(_ result: CalendarImport, window: Interval) {
        self.window = window
        busy = result.merged(.busy)
        tentative = result.merged(.tentative)
        skipped = result.skipped
        notes = result.notes
    }

    /// One line per interval: `START END busy|tentative`.
    public var text: String {
        let rows = busy.map { ($0, "busy") } + tentative.map { ($0, "tentative") }
        return rows.sorted { $0.0.start < $1.0.start }
            .map { "\(Self.utc($0.0.start))  \(Self.utc($0.0.end))  \($0.1)\n" }.joined()
    }

    /// `{"window": [s, e], "busy": [[s, e], …], "tentative": […], "skipped": […], "notes": […]}`.
    public var json: String {
        func pairs(_ list: [Interval]) -> String {
            "[" + list.map { "[\"\(Self.utc($0.start))\", \"\(Self.utc($0.end))\"]" }.joined(separator: ", ") + "]"
        }
        func strings(_ list: [ICalError]) -> String {
            "[" + list.map { "\"" + Self.escaped($0.description) + "\"" }.joined(separator: ", ") + "]"
        }
        return """
            {"window": ["\(Self.utc(window.start))", "\(Self.utc(window.end))"], "busy": \(pairs(busy)), \
            "tentative": \(pairs(tentative)), "skipped": \(strings(skipped)), "notes": \(strings(notes))}

            """
    }

    static func utc(_ i: Instant) -> String { i.withOffset(0).iso8601 }

    static func escaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += "\\u00" + String(u.value, radix: 16).leftPadded(2) } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
