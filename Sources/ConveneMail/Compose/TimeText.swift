package import ConveneCore

/// Session times written for people, in a zone and a language (mail, and what `publish` shows of it).
package enum TimeText {
    /// e.g. `2027年2月22日（月）9:30〜10:30（Asia/Tokyo）` or `Monday 22 February 2027, 09:30–10:30 (Asia/Tokyo)`.
    /// When the clock changes between the two times, or shows one of them twice, each time names its
    /// offset: `Sunday 31 October 2027, 01:00 UTC+01:00 – 01:00 UTC+00:00 (Europe/London)`.
    package static func span(_ interval: Interval, zone: ZoneRules, language: Language) -> String {
        let a = zone.local(interval.start)
        let b = zone.local(interval.end)
        let sameDay = a.date == b.date
        let marked = zone.offset(at: interval.start) != zone.offset(at: interval.end)
            || zone.isAmbiguous(interval.start) || zone.isAmbiguous(interval.end)
        func offset(_ instant: Instant) -> String { marked ? " " + zone.offsetName(at: instant) : "" }
        switch language {
        case .ja:
            let end = (sameDay ? jaTime(b) : jaDate(b.date) + jaTime(b)) + offset(interval.end)
            return "\(jaDate(a.date))\(jaTime(a))\(offset(interval.start))〜\(end)（\(zone.identifier)）"
        case .en:
            let end = (sameDay ? b.timeText : enDate(b.date) + ", " + b.timeText) + offset(interval.end)
            let dash = marked ? " – " : "–"
            return "\(enDate(a.date)), \(a.timeText)\(offset(interval.start))\(dash)\(end) (\(zone.identifier))"
        }
    }

    private static func jaDate(_ d: LocalDate) -> String {
        let days = ["月", "火", "水", "木", "金", "土", "日"]
        return "\(d.year)年\(d.month)月\(d.day)日（\(days[d.isoWeekday - 1])）"
    }

    private static func jaTime(_ t: LocalDateTime) -> String { "\(t.minuteOfDay / 60):" + t.timeText.suffix(2) }

    private static func enDate(_ d: LocalDate) -> String {
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(days[d.isoWeekday - 1]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }
}
