/// A zone's wall clock over the facts' minutes: which local date a minute falls on, and the
/// minute at which a wall-clock time of a date occurs (a time a daylight-saving jump skips reads
/// forward, a repeated one is the earlier), as the format's checker reads people's hours.
///
/// Dates around the event's days are tabled once, so judging hours is a binary search; other
/// minutes are read from the zone directly.
package struct LocalClock: Sendable {
    package let zone: ZoneRules
    let origin: Instant
    let firstDate: LocalDate
    /// The minute at which each tabled date begins, from `firstDate` on.
    let dayStarts: [Int]

    /// A clock for `zone`, tabling the dates that cover `from ..< to` (minutes from `origin`) and a day either side.
    package init(zone: ZoneRules, origin: Instant, from: Int, to: Int) {
        self.zone = zone
        self.origin = origin
        let first = zone.local(origin.adding(minutes: from)).date.adding(days: -1)
        let last = zone.local(origin.adding(minutes: max(from, to))).date.adding(days: 1)
        firstDate = first
        var starts: [Int] = []
        var d = first
        while d <= last.adding(days: 1) {
            starts.append(zone.instant(LocalDateTime(date: d, minuteOfDay: 0)).minutes(since: origin))
            d = d.adding(days: 1)
        }
        dayStarts = starts
    }

    /// The index of the tabled date a minute falls on, if it is tabled.
    func dayIndex(_ minute: Int) -> Int? {
        guard let first = dayStarts.first, let last = dayStarts.last, first <= minute, minute < last else { return nil }
        var lo = 0, hi = dayStarts.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if dayStarts[mid] <= minute { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The local date a minute falls on.
    package func date(_ minute: Int) -> LocalDate {
        if let i = dayIndex(minute) { return firstDate.adding(days: i) }
        return zone.local(origin.adding(minutes: minute)).date
    }

    /// The minute at which the wall clock shows `minuteOfDay` (0 … 1440) on `date`.
    package func wall(_ date: LocalDate, _ minuteOfDay: Int) -> Int {
        if minuteOfDay >= 1440 { return wall(date.adding(days: 1), minuteOfDay - 1440) }
        return zone.instant(LocalDateTime(date: date, minuteOfDay: minuteOfDay)).minutes(since: origin)
    }

    /// True when `[start, end)` lies inside the range on the local date of `start`.
    package func inside(_ range: Instance.ClockRange, _ start: Int, _ end: Int) -> Bool {
        let d = date(start)
        return wall(d, range.start) <= start && end <= wall(d, range.end)
    }

    /// A range's minutes on every tabled date, for `inside(_:_:_:_:)`.
    package func table(_ range: Instance.ClockRange) -> [(start: Int, end: Int)] {
        dayStarts.indices.map { i in
            let d = firstDate.adding(days: i)
            return (wall(d, range.start), wall(d, range.end))
        }
    }

    /// `inside(range, start, end)`, read from the range's table when `start` is tabled.
    package func inside(_ range: Instance.ClockRange, table: [(start: Int, end: Int)], _ start: Int, _ end: Int) -> Bool {
        guard let i = dayIndex(start), i < table.count else { return inside(range, start, end) }
        return table[i].start <= start && end <= table[i].end
    }

    /// The wall-clock time of a minute, in minutes after midnight.
    package func timeOfDay(_ minute: Int) -> Int { zone.local(origin.adding(minutes: minute)).minuteOfDay }

    /// `HH:MM` on this clock.
    package func text(_ minute: Int) -> String { zone.local(origin.adding(minutes: minute)).timeText }
}
