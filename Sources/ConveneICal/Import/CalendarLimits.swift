/// The most work one calendar file may ask of Convene: beyond these, a calendar (or the part of
/// it that goes further) is refused with its file and line, never read for ever.
public enum CalendarLimits {
    /// Largest calendar file read, in bytes (32 MiB: years of a busy person's calendar take a few).
    public static let maximumBytes = 32 << 20
    /// Deepest nesting of `BEGIN:` blocks (a real calendar nests three deep: VCALENDAR, VEVENT, VALARM).
    public static let maximumNesting = 32
    /// Parameters one property may carry (a real one has a handful: CN, ROLE, PARTSTAT, RSVP…).
    public static let parametersPerProperty = 100
    /// The sum over components of the square of their property counts: libical's work on bad
    /// values grows so (7,000 properties in one component, or 500 in each of 200).
    public static let propertyWork = 50_000_000
    /// libical's complaints reported for one component; the rest are counted, not listed.
    public static let errorsPerComponent = 20
    /// Wall-clock time one calendar's recurrences may take: the last resort when
    /// each step costs more than it should (a non-Gregorian RSCALE costs 100 times a plain one).
    public static let timePerCalendar: Duration = .seconds(2)
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
    let time: Duration
    private let deadline: ContinuousClock.Instant
    private(set) var spent = 0
    private var outOfTime = false

    init(limit: Int = CalendarLimits.workPerCalendar, time: Duration = CalendarLimits.timePerCalendar) {
        self.limit = limit
        self.time = time
        deadline = .now + time
    }

    /// Whether running out has been reported: once per calendar is enough.
    var reported = false

    /// Spends `n` steps; false once the calendar has used all its steps or all its time.
    func spend(_ n: Int = 1) -> Bool {
        let before = spent
        spent += n
        guard spent <= limit else { return false }
        // Reading the clock costs more than a cheap step: look once every 64.
        if before >> 6 != spent >> 6, ContinuousClock.now > deadline { outOfTime = true }
        return !outOfTime
    }

    /// What running out means, for messages.
    var bound: String { "\(limit) steps or \(time)" }
}
