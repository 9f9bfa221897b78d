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

    static func utc(_ i: Instant) -> String { i.withOffset(0).iso8601 }
}

extension BusyReport: Encodable {
    enum CodingKeys: String, CodingKey { case window, busy, tentative, skipped, notes }

    /// `{"window": [s, e], "busy": [[s, e], …], "tentative": […], "skipped": […], "notes": […]}`, instants in UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let utc = { (list: [Interval]) in list.map { [Self.utc($0.start), Self.utc($0.end)] } }
        try c.encode([Self.utc(window.start), Self.utc(window.end)], forKey: .window)
        try c.encode(utc(busy), forKey: .busy)
        try c.encode(utc(tentative), forKey: .tentative)
        try c.encode(skipped.map(\.description), forKey: .skipped)
        try c.encode(notes.map(\.description), forKey: .notes)
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
