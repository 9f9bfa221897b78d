/// The most work one calendar file may ask of Convene: beyond these, a calendar (or the part of
/// it that goes further) is refused with its file and line, never read for ever.
public enum CalendarLimits {
    /// Largest calendar file read, in bytes (32 MiB: years of a busy person's calendar take a few).
    public static let maximumBytes = 32 << 20
    /// Deepest nesting of `BEGIN:` blocks (a real calendar nests three deep: VCALENDAR, VEVENT, VALARM).
    public static let maximumNesting = 32
    /// Recurrence steps one calendar may take in all: every instance its events' RRULEs produce
    /// (including those before the window) and every offset change its own VTIMEZONEs define.
    public static let workPerCalendar = 500_000
    /// Instances one event series may produce.
    public static let instancesPerSeries = 100_000
    /// Offset changes one VTIMEZONE may define up to 2037 (the last year libical expands a zone to).
    public static let transitionsPerZone = 10_000
}

/// The recurrence work left for one calendar; every expansion, of events and of time zones, spends from it.
final class WorkBudget {
    let limit: Int
    private(set) var spent = 0

    init(limit: Int = CalendarLimits.workPerCalendar) { self.limit = limit }

    /// Whether running out has been reported: once per calendar is enough.
    var reported = false

    /// Spends `n` steps; false once the calendar has used all its budget.
    func spend(_ n: Int = 1) -> Bool {
        spent += n
        return spent <= limit
    }
}
