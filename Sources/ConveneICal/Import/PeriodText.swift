import CLibical

/// A FREEBUSY period as RFC 5545 §3.3.9 writes it, read strictly from the text: a start
/// `YYYYMMDDTHHMMSS[Z]`, then `/` and an end of the same form or a positive duration.
///
/// Built both from the text and from libical's reading of it; the two must agree, because
/// libical reads a malformed value (such as Outlook 2003's `2006717T100000Z`) as another date.
struct PeriodText: Hashable {
    struct Moment: Hashable {
        var year, month, day, hour, minute, second: Int
        var utc: Bool
    }

    enum End: Hashable {
        case time(Moment)
        case seconds(Int)
    }

    var start: Moment
    var end: End

    /// Reads one period of the text; nil when it is not well formed.
    init?(_ text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.moment(parts[0]) else { return nil }
        self.start = start
        if let end = Self.moment(parts[1]) {
            self.end = .time(end)
        } else if let seconds = Self.duration(parts[1]), seconds > 0 {
            self.end = .seconds(seconds)
        } else {
            return nil
        }
    }

    /// libical's reading of a period, in the same terms.
    init?(_ period: icalperiodtype) {
        guard icaltime_is_null_time(period.start) == 0 else { return nil }
        start = Self.moment(period.start)
        if icaltime_is_null_time(period.end) == 0 {
            end = .time(Self.moment(period.end))
        } else {
            end = .seconds(Int(icaldurationtype_as_int(period.duration)))
        }
    }

    private static func moment(_ t: icaltimetype) -> Moment {
        Moment(year: Int(t.year), month: Int(t.month), day: Int(t.day), hour: Int(t.hour), minute: Int(t.minute),
               second: Int(t.second), utc: icaltime_is_utc(t) != 0)
    }

    private static func moment(_ text: Substring) -> Moment? {
        let b = Array(text.utf8)
        guard b.count == 15 || (b.count == 16 && b[15] == UInt8(ascii: "Z")), b[8] == UInt8(ascii: "T") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (48...57).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        return Moment(year: year, month: month, day: day, hour: hour, minute: minute, second: second, utc: b.count == 16)
    }

    /// Seconds in `[+]P[nW]` or `[+]P[nD][T[nH][nM][nS]]`; nil when malformed or negative.
    static func duration(_ text: Substring) -> Int? {
        var s = text
        if s.first == "+" { s = s.dropFirst() }
        guard s.first == "P" else { return nil }
        s = s.dropFirst()
        var total = 0, number: Int?, inTime = false, units = 0
        for c in s {
            if let d = c.wholeNumberValue, c.isASCII {
                let (m, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (v, o2) = m.addingReportingOverflow(d)
                guard !o1, !o2, v < 100_000_000 else { return nil }
                number = v
                continue
            }
            if c == "T" {
                guard !inTime, number == nil else { return nil }
                inTime = true
                continue
            }
            guard let n = number else { return nil }
            switch (c, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3_600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
            number = nil
            units += 1
        }
        guard number == nil, units > 0 else { return nil }
        return total
    }
}
