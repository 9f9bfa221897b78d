/// A moment in time, to the second, remembering the UTC offset it was written with.
///
/// Two instants are equal when they name the same moment, whatever their offsets;
/// the offset only decides how the instant is written back (so instance files
/// round-trip with the offsets their authors chose).
public struct Instant: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// The offset from UTC, in seconds, used when the instant is written.
    public var utcOffsetSeconds: Int

    /// Creates an instant from seconds since the epoch and the offset to write it with.
    public init(secondsSinceEpoch: Int64, utcOffsetSeconds: Int = 0) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public static func == (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// This instant moved by a number of minutes, keeping its offset.
    public func adding(minutes: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(minutes) * 60, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The same moment, to be written with another offset.
    public func withOffset(_ seconds: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch, utcOffsetSeconds: seconds)
    }

    /// Whole minutes from `other` to this instant (rounded toward negative infinity).
    public func minutes(since other: Instant) -> Int {
        let d = secondsSinceEpoch - other.secondsSinceEpoch
        return Int(d >= 0 ? d / 60 : -((-d + 59) / 60))
    }
}
