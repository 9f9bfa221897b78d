import CLibical

/// Rules libical would search for ever: its iterator steps one unit of the rule's frequency at a
/// time until a step passes every BY filter, up to the year 2582, with no other limit. A rule
/// whose filters no date can pass (`BYMONTH=2;BYMONTHDAY=30`), or a sub-daily rule filtered by
/// month or year, would spend minutes to hours inside one call; these are refused before iterating.
enum RecurrenceRuleCheck {
    /// Why libical must not iterate `rule`, or nil when it may.
    static func problem(_ rule: icalrecurrencetype) -> String? {
        let months = values(rule.by_month).map { Int(icalrecurrencetype_month_month($0)) }
        let monthDays = values(rule.by_month_day).map(Int.init)
        let coarse = !months.isEmpty || !monthDays.isEmpty || !values(rule.by_year_day).isEmpty
            || !values(rule.by_week_no).isEmpty || !values(rule.by_set_pos).isEmpty
        let subDaily = rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE
            || rule.freq == ICAL_HOURLY_RECURRENCE
        if subDaily, values(rule.by_day).contains(where: { icalrecurrencetype_day_position($0) != 0 }) {
            return "a rule repeating every second, minute or hour cannot name the n-th weekday (BYDAY=1MO)"
        }
        // libical's sub-daily steps never match a day counted from the end, so one step searches to 2582.
        if subDaily, monthDays.contains(where: { $0 < 0 }) || values(rule.by_year_day).contains(where: { $0 < 0 }) {
            return "a rule repeating every second, minute or hour cannot count days from the end (BYMONTHDAY=-1)"
        }
        switch rule.freq {
        case ICAL_SECONDLY_RECURRENCE where coarse || !values(rule.by_day).isEmpty,
             ICAL_MINUTELY_RECURRENCE where coarse:
            return "a rule repeating every second or minute may filter only by day of the week, hour, minute and second"
        default:
            break
        }
        if !months.isEmpty, !monthDays.isEmpty {
            let longest = months.map(Self.days(inMonth:)).max() ?? 31
            if monthDays.allSatisfy({ abs($0) > longest }) {
                return "no month in BYMONTH has the days in BYMONTHDAY"
            }
        }
        return nil
    }

    /// What one step of `rule` costs against a calendar's budget: a step in a non-Gregorian
    /// calendar (RSCALE=CHINESE) takes libical about a hundred times as long as a Gregorian one.
    static func stepCost(_ rule: icalrecurrencetype) -> Int {
        guard let scale = rule.rscale, String(cString: scale).uppercased() != "GREGORIAN" else { return 1 }
        return 100
    }

    /// The values of one BY array, which ends at its first ICAL_RECURRENCE_ARRAY_MAX.
    private static func values<T>(_ array: T) -> [Int16] {
        withUnsafeBytes(of: array) { raw in
            Array(raw.bindMemory(to: Int16.self).prefix { $0 != Int16(ICAL_RECURRENCE_ARRAY_MAX.rawValue) })
        }
    }

    private static func days(inMonth month: Int) -> Int {
        switch month {
        case 2: return 29
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
