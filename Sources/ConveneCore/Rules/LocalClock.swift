/// A zone's wall clock over the facts' minutes: which local date a minute falls on, and the
/// minute at which a wall-clock time of a date occurs (a time a daylight-saving jump skips reads
/// forward, a repeated one is the earlier), as the format's checker reads people's hours.
///
/// The dates around each of the event's days are tabled once, so judging hours is a binary
/// search; other minutes are read from the zone directly. Days far apart cost no more than days
/// side by side.
package struct LocalClock: Sendable {
    package let zone: ZoneRules
    let origin: Instant
    /// Tabled dates, in order, and the minute at which each begins.
    let dates: [LocalDate]
    let dayStarts: [Int]

    /// A clock for `zone`, tabling the dates of each of `days` (minutes from `origin`) and a day either side.
    package init(zone: ZoneRules, origin: Instant, days: [(start: Int, end: Int)]) {
        self.zone = zone
        self.origin = origin
        var wanted = Set<LocalDate>()
        for day in days {
            var d = zone.local(origin.adding(minutes: day.start)).date.adding(days: -1)
            let last = zone.local(origin.adding(minutes: max(day.start, day.end))).date.adding(days: 2)
            while d <= last {
                wanted.insert(d)
                d = d.adding(days: 1)
            }
        }
        dates = wanted.sorted()
        dayStarts = dates.map { zone.instant(LocalDateTime(date: $0, minuteOfDay: 0)).minutes(since: origin) }
    }

    /// The index of the tabled date a minute falls on, if it and the next date are tabled.
    func dayIndex(_ minute: Int) -> Int? {
        var lo = 0, hi = dayStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dayStarts[mid] <= minute { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - 1
        guard i >= 0, i + 1 < dates.count, dates[i + 1] == dates[i].adding(days: 1), minute < dayStarts[i + 1] else { return nil }
        return i
    }

    /// The local date a minute falls on.
    package func date(_ minute: Int) -> LocalDate {
        if let i = dayIndex(minute) { return dates[i] }
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

    /// A range's minutes on every tabled date, for `inside(_:table:_:_:)`.
    package func table(_ range: Instance.ClockRange) -> [(start: Int, end: Int)] {
        dates.map { (wall($0, range.start), wall($0, range.end)) }
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
