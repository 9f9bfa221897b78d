public import ConveneCore

/// The busy periods read from one calendar, and what in it could not be used.
public struct CalendarImport: Sendable, Hashable {
    /// Busy periods overlapping the window asked for, sorted by start, not merged.
    public var periods: [BusyPeriod]
    /// Components and properties left out, each with file, line and what was wrong.
    public var skipped: [ICalError]
    /// Readings worth knowing that lost nothing, e.g. a TZID read as floating time.
    public var notes: [ICalError]

    public init(periods: [BusyPeriod], skipped: [ICalError] = [], notes: [ICalError] = []) {
        self.periods = periods
        self.skipped = skipped
        self.notes = notes
    }

    /// The busy time as UTC intervals, merged; tentative periods apart from firm ones.
    public func merged(_ strength: BusyPeriod.Strength) -> [Interval] {
        Interval.merge(periods.filter { $0.strength == strength }.map(\.interval))
            .map { Interval(start: $0.start.withOffset(0), end: $0.end.withOffset(0)) }
    }
}
