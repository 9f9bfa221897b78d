/// A span in which a person's own calendar says they are busy.
public struct BusyPeriod: Sendable, Hashable, Codable {
    /// How firmly the calendar holds the time.
    public enum Strength: String, Sendable, Hashable, Codable {
        /// Busy or busy-unavailable: the person cannot attend anything.
        case busy
        /// Tentative: counts against optional attendance only.
        case tentative
        /// Marked "if need be" by the person: they can come, but would rather not (the soft term `ifNeedBe`).
        case ifNeedBe = "if-need-be"
    }

    public var interval: Interval
    public var strength: Strength
    /// The calendar entry's title, when the calendar gives one (e.g. "Board meeting").
    public var summary: String?
    /// Where it came from, e.g. the file name.
    public var source: String?

    public init(interval: Interval, strength: Strength = .busy, summary: String? = nil, source: String? = nil) {
        self.interval = interval
        self.strength = strength
        self.summary = summary
        self.source = source
    }
}
