import Foundation

/// An IANA time zone's rules, used to turn an organizer's wall-clock times into instants.
///
/// Reads the system's zone data through Foundation; no clock is read.
public struct ZoneRules: Sendable, Hashable {
    /// The IANA identifier, e.g. `Asia/Tokyo`.
    public let identifier: String
    private let zone: TimeZone

    /// Nil when the identifier is not a known IANA zone.
    public init?(identifier: String) {
        // Foundation also accepts abbreviations such as "JST"; plans must name IANA zones.
        guard identifier == "UTC" || identifier.contains("/"), let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// The UTC offset in seconds in force at an instant.
    public func offset(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)))
    }

    /// The instant a wall clock in this zone shows `local`; in a gap the later offset wins,
    /// in an overlap the earlier instant.
    public func instant(_ local: LocalDateTime) -> Instant {
        let naive = local.secondsSinceEpoch(utcOffset: 0)
        // Offsets in force a day either side cover every transition near `local`.
        let candidates = Set([
            offset(at: Instant(secondsSinceEpoch: naive - 86_400)),
            offset(at: Instant(secondsSinceEpoch: naive + 86_400)),
        ])
        let valid = candidates.map { naive - Int64($0) }
            .filter { offset(at: Instant(secondsSinceEpoch: $0)) == Int(naive - $0) }
        if let earliest = valid.min() {
            return Instant(secondsSinceEpoch: earliest, utcOffsetSeconds: Int(naive - earliest))
        }
        // In a gap: read the time with the offset before the jump, which lands after it.
        let before = offset(at: Instant(secondsSinceEpoch: naive - 86_400))
        return localized(Instant(secondsSinceEpoch: naive - Int64(before)))
    }

    /// True when the wall clock shows the time it shows at `instant` at another instant too (the hour
    /// repeated when clocks go back): that local time alone does not say which instant is meant.
    public func isAmbiguous(_ instant: Instant) -> Bool {
        let naive = instant.secondsSinceEpoch + Int64(offset(at: instant))
        return Set([offset(at: Instant(secondsSinceEpoch: naive - 86_400)), offset(at: Instant(secondsSinceEpoch: naive + 86_400))])
            .contains { naive - Int64($0) != instant.secondsSinceEpoch && offset(at: Instant(secondsSinceEpoch: naive - Int64($0))) == $0 }
    }

    /// The offset in force at an instant as people read it, e.g. `UTC+01:00`, `UTC+13:45`,
    /// `UTC-03:00` (Foundation's abbreviations on Linux are `GMT+1` and depend on the locale).
    public func offsetName(at instant: Instant) -> String {
        let seconds = offset(at: instant)
        let minutes = abs(seconds) / 60
        return "UTC" + (seconds < 0 ? "-" : "+") + pad2(minutes / 60) + ":" + pad2(minutes % 60)
    }

    /// The wall-clock time this zone shows at an instant.
    public func local(_ instant: Instant) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// The instant written with this zone's offset at that moment.
    public func localized(_ instant: Instant) -> Instant { instant.withOffset(offset(at: instant)) }

    public static func == (a: ZoneRules, b: ZoneRules) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }
}
