public import ConveneCore

/// What a person's page needs to draw their availability grid: the event's days (for a series, its
/// dates) in the person's own zone, cut into cells of half an hour (or the slot, when longer),
/// each with its state on record, and the rest of their answer.
public struct AvailabilityGrid: Sendable, Hashable {
    /// One cell of the grid.
    public struct Cell: Sendable, Hashable, Identifiable {
        /// A stable name for the cell, e.g. `20270222T000000Z` (its start in UTC), for form fields
        /// and for `RecordAvailability.marks`.
        public var id: String
        /// Its start and end, carrying the person's UTC offset.
        public var start: Instant
        public var end: Instant
        /// Its local start in the person's zone, `YYYY-MM-DD HH:MM`: what the page labels it with.
        public var label: String
        /// Its local end time of day, `HH:MM`.
        public var endLabel: String
        /// The state on record: available unless they marked it otherwise.
        public var mark: AvailabilityAnswer.Mark
    }

    /// The cells that start on one local date of the person's.
    public struct Day: Sendable, Hashable {
        public var date: LocalDate
        public var cells: [Cell]
    }

    public var person: String
    /// The person's IANA zone, which the labels are in.
    public var zone: String
    /// The language their page speaks.
    public var language: Language
    /// Minutes a cell lasts (the last of a day may be shorter).
    public var cellMinutes: Int
    public var days: [Day]
    /// "I can come at any time during the event": true until they say otherwise.
    public var anyTime: Bool
    /// What they wrote to the organizer.
    public var note: String?
    /// When they last saved; nil when they never have.
    public var answeredAt: Instant?

    /// Every cell, in time order.
    public var cells: [Cell] { days.flatMap(\.cells) }

    /// The grid of one stakeholder of an event, with their answer in force, if any.
    public init(event: Event, person: Stakeholder, answer: AvailabilityAnswer?) {
        let zone = ZoneRules(identifier: person.timeZone) ?? ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        self.person = person.id
        self.zone = zone.identifier
        language = person.language
        cellMinutes = Self.cellMinutes(event)
        anyTime = answer?.anyTime ?? true
        note = answer?.note
        answeredAt = answer?.answeredAt
        let marked = answer?.cells ?? []
        var days: [Day] = []
        for cell in Self.cells(event) {
            // A cell is marked as the answer marks any of it: the grid's cut may have changed since.
            let mark = marked.last { $0.interval.overlaps(cell) }?.mark ?? .available
            let local = zone.local(cell.start), localEnd = zone.local(cell.end)
            let c = Cell(id: Self.id(cell.start), start: zone.localized(cell.start), end: zone.localized(cell.end),
                         label: "\(local.date.iso8601) \(local.timeText)", endLabel: localEnd.timeText, mark: mark)
            if days.last?.date == local.date { days[days.count - 1].cells.append(c) } else { days.append(Day(date: local.date, cells: [c])) }
        }
        self.days = days
    }

    /// Half an hour, or the event's slot when longer.
    public static func cellMinutes(_ event: Event) -> Int { max(30, event.slotMinutes) }

    /// The cells of an event's days, in time order.
    public static func cells(_ event: Event) -> [Interval] {
        let step = cellMinutes(event)
        return event.days.sorted { $0.opens < $1.opens }.flatMap { day -> [Interval] in
            stride(from: 0, to: max(0, day.hours.minutes), by: step).map { m in
                Interval(start: day.opens.adding(minutes: m), end: min(day.opens.adding(minutes: m + step), day.closes))
            }
        }
    }

    /// A cell's id: its start in UTC, `YYYYMMDDTHHMMSSZ`.
    public static func id(_ start: Instant) -> String {
        let t = LocalDateTime(secondsSinceEpoch: start.secondsSinceEpoch)
        return t.date.iso8601.filter { $0 != "-" } + "T" + pad(t.minuteOfDay / 60) + pad(t.minuteOfDay % 60) + pad(t.second) + "Z"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
