/// A half-open span of time `[start, end)`.
public struct Interval: Sendable, Hashable {
    public var start: Instant
    public var end: Instant

    /// Creates an interval; `end` should not be before `start`.
    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    /// Length in whole minutes.
    public var minutes: Int { end.minutes(since: start) }

    /// True when the two share at least one moment.
    public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }

    /// True when `other` lies wholly inside this interval.
    public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }

    /// True when the instant lies inside.
    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }
}

extension Interval {
    /// Sorts and merges intervals that overlap or touch; empty ones are dropped.
    public static func merge(_ intervals: [Interval]) -> [Interval] {
        var out: [Interval] = []
        for i in intervals.sorted(by: { $0.start < $1.start }) where i.start < i.end {
            if let last = out.last, i.start <= last.end {
                if i.end > last.end { out[out.count - 1].end = i.end }
            } else {
                out.append(i)
            }
        }
        return out
    }
}
