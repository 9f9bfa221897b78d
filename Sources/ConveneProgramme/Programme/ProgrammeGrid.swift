public import ConveneCore

/// One day of a programme as a grid: rooms across, time slots down, in the event's zone.
///
/// Sessions that overlap in one room (a schedule still being fixed, or a cancelled session and
/// its replacement) share one cell, so every session appears exactly once.
public struct ProgrammeGrid: Sendable {
    /// One cell spanning rows: the sessions that occupy a room from `firstRow` for `rowSpan` slots.
    public struct Block: Sendable {
        public var firstRow: Int
        public var rowSpan: Int
        /// The sessions in the cell, by start.
        public var items: [Programme.Item]
    }

    public var date: LocalDate
    /// The columns: rooms used that day, in the plan's order.
    public var rooms: [Room]
    /// Minute of the day the first row starts at.
    public var firstMinute: Int
    public var slotMinutes: Int
    public var rowCount: Int
    /// Blocks per room, ordered by first row.
    public var blocks: [[Block]]

    /// Lays out a day; rows are `slotMinutes` long (at least 5).
    public init(_ day: Programme.Day, slotMinutes: Int, zone: ZoneRules) {
        let slot = max(5, slotMinutes)
        date = day.date
        rooms = day.rooms
        self.slotMinutes = slot
        let date = day.date
        func minutes(_ t: LocalDateTime) -> Int { (t.date.daysSinceEpoch - date.daysSinceEpoch) * 1440 + t.minuteOfDay }
        let opens = day.hours.map { minutes(zone.local($0.start)) }, closes = day.hours.map { minutes(zone.local($0.end)) }
        let first = ((day.items.map { minutes($0.localStart) } + [opens].compactMap { $0 }).min() ?? 9 * 60) / slot * slot
        let last = (day.items.map { minutes($0.localEnd) } + [closes].compactMap { $0 }).max() ?? first + slot
        firstMinute = first
        rowCount = max(1, (last - first + slot - 1) / slot)
        blocks = day.rooms.map { room in
            var out: [Block] = []
            for item in day.items where item.room.id == room.id {
                let row = (minutes(item.localStart) - first) / slot
                let endRow = max(row + 1, (minutes(item.localEnd) - first + slot - 1) / slot)
                if var previous = out.last, previous.firstRow + previous.rowSpan > row {
                    previous.rowSpan = max(previous.rowSpan, endRow - previous.firstRow)
                    previous.items.append(item)
                    out[out.count - 1] = previous
                } else {
                    out.append(Block(firstRow: row, rowSpan: endRow - row, items: [item]))
                }
            }
            return out
        }
    }

    /// The label of a row, e.g. `09:30`.
    public func time(ofRow row: Int) -> String {
        LocalDateTime(date: date, minuteOfDay: 0).adding(minutes: firstMinute + row * slotMinutes).timeText
    }
}
