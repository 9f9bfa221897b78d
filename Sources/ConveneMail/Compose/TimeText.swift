package import ConveneCore

/// Session times written for people, in a zone and a language.
package enum TimeText {
    /// e.g. `2027年2月22日（月）9:30〜10:30（Asia/Tokyo）` or `Monday 22 February 2027, 09:30–10:30 (Asia/Tokyo)`.
    package static func span(_ interval: Interval, zone: ZoneRules, language: Language) -> String {
        let a = zone.local(interval.start)
        let b = zone.local(interval.end)
        let sameDay = a.date == b.date
        switch language {
        case .ja:
            let end = sameDay ? jaTime(b) : jaDate(b.date) + jaTime(b)
            return "\(jaDate(a.date))\(jaTime(a))〜\(end)（\(zone.identifier)）"
        case .en:
            let end = sameDay ? b.timeText : enDate(b.date) + ", " + b.timeText
            return "\(enDate(a.date)), \(a.timeText)–\(end) (\(zone.identifier))"
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
