import ConveneCore

/// HTTP dates (RFC 9110 IMF-fixdate), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The instant as an IMF-fixdate in GMT.
    static func format(_ instant: Instant) -> String {
        let t = LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch)
        let d = t.date
        return "\(weekdays[d.isoWeekday - 1]), \(pad(d.day)) \(months[d.month - 1]) \(d.year) "
            + "\(pad(t.minuteOfDay / 60)):\(pad(t.minuteOfDay % 60)):\(pad(t.second)) GMT"
    }

    /// Reads an IMF-fixdate; anything else is nil (and the header is then ignored, as RFC 9110 asks).
    static func parse(_ text: some StringProtocol) -> Instant? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", parts[0].count == 4, parts[0].hasSuffix(","),
              let day = Int(parts[1]), parts[1].count == 2,
              let month = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]), parts[3].count == 4 else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let h = Int(clock[0]), let m = Int(clock[1]), let s = Int(clock[2]),
              (1...31).contains(day), (0...23).contains(h), (0...59).contains(m), (0...60).contains(s) else { return nil }
        let date = LocalDate(year: year, month: month + 1, day: day)
        let local = LocalDateTime(date: date, minuteOfDay: h * 60 + m, second: min(s, 59))
        return Instant(secondsSinceEpoch: local.secondsSinceEpoch(utcOffset: 0))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
