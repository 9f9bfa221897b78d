/// A wall-clock date and time with no zone: what organizers write in a plan.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public var date: LocalDate
    /// Minutes after midnight, 0..<1440.
    public var minuteOfDay: Int
    /// Seconds within the minute (usually 0).
    public var second: Int

    /// Creates a local date-time.
    public init(date: LocalDate, minuteOfDay: Int, second: Int = 0) {
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.second = second
    }

    /// The wall-clock time that `secondsSinceEpoch` shows on a UTC clock.
    public init(secondsSinceEpoch s: Int64) {
        let days = Int((s >= 0 ? s : s - 86_399) / 86_400)
        let rest = Int(s - Int64(days) * 86_400)
        self.init(date: LocalDate(daysSinceEpoch: days), minuteOfDay: rest / 60, second: rest % 60)
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.minuteOfDay, a.second) < (b.date, b.minuteOfDay, b.second)
    }

    /// Seconds since the epoch if this wall-clock time were read at `utcOffset`.
    public func secondsSinceEpoch(utcOffset: Int) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(minuteOfDay * 60 + second) - Int64(utcOffset)
    }

    /// This local time moved by a number of minutes.
    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch(utcOffset: 0) + Int64(minutes) * 60)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var iso8601: String {
        date.iso8601 + "T" + pad2(minuteOfDay / 60) + ":" + pad2(minuteOfDay % 60) + ":" + pad2(second)
    }

    /// `HH:MM`.
    public var timeText: String { pad2(minuteOfDay / 60) + ":" + pad2(minuteOfDay % 60) }

    /// Parses `YYYY-MM-DD[T ]HH:MM[:SS]` with nothing after it.
    public static func parse(_ text: String) -> LocalDateTime? {
        var b = Array(text.utf8)
        if b.count >= 11, b[10] == UInt8(ascii: " ") { b[10] = UInt8(ascii: "T") }
        guard let r = parse(b, allowTrailing: false) else { return nil }
        return r.value
    }

    struct Parsed {
        var value: LocalDateTime
        var consumed: Int
        func secondsSinceEpoch(utcOffset: Int) -> Int64 { value.secondsSinceEpoch(utcOffset: utcOffset) }
    }

    static func parse(_ b: [UInt8], allowTrailing: Bool) -> Parsed? {
        guard b.count >= 16, let date = LocalDate.parse(b), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hh = Instant.twoDigits(b, 11), b[13] == UInt8(ascii: ":"), let mm = Instant.twoDigits(b, 14),
              hh < 24, mm < 60 else { return nil }
        var i = 16
        var ss = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = Instant.twoDigits(b, i + 1), s < 60 else { return nil }
            ss = s
            i += 3
        }
        if !allowTrailing, i != b.count { return nil }
        return Parsed(value: LocalDateTime(date: date, minuteOfDay: hh * 60 + mm, second: ss), consumed: i)
    }
}

/// A calendar date with no zone.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; the caller guarantees it exists.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (proleptic Gregorian).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (daysSinceEpoch + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `YYYY-MM-DD`.
    public var iso8601: String { pad4(year) + "-" + pad2(month) + "-" + pad2(day) }
    public var description: String { iso8601 }

    /// The date `n` days later.
    public func adding(days n: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// Parses `YYYY-MM-DD` with nothing after it.
    public static func parse(_ text: String) -> LocalDate? {
        let b = Array(text.utf8)
        return b.count == 10 ? parse(b) : nil
    }

    static func parse(_ b: [UInt8]) -> LocalDate? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y1 = Instant.twoDigits(b, 0), let y2 = Instant.twoDigits(b, 2),
              let m = Instant.twoDigits(b, 5), let d = Instant.twoDigits(b, 8),
              (1...12).contains(m), d >= 1 else { return nil }
        let date = LocalDate(year: y1 * 100 + y2, month: m, day: d)
        guard d <= date.daysInMonth else { return nil }
        return date
    }

    var daysInMonth: Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let d = LocalDate.parse(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }
}
