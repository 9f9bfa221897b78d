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
    /// The day's breaks that overlap no block, each across every room: first row, rows, the break.
    public var breaks: [(firstRow: Int, rowSpan: Int, item: Programme.Break)] = []

    /// Lays out a day; rows are `slotMinutes` long (at least 5).
    public init(_ day: Programme.Day, slotMinutes: Int, zone: ZoneRules) {
        let slot = max(5, slotMinutes)
        date = day.date
        rooms = day.rooms
        self.slotMinutes = slot
        let date = day.date
        func minutes(_ t: LocalDateTime) -> Int { (t.date.daysSinceEpoch - date.daysSinceEpoch) * 1440 + t.minuteOfDay }
        let opens = day.hours.map { minutes(zone.local($0.start)) }, closes = day.hours.map { minutes(zone.local($0.end)) }
        let starts = day.items.map { minutes($0.localStart) } + day.breaks.map { minutes($0.localStart) }
        let ends = day.items.map { minutes($0.localEnd) } + day.breaks.map { minutes($0.localEnd) }
        let first = ((starts + [opens].compactMap { $0 }).min() ?? 9 * 60) / slot * slot
        let last = (ends + [closes].compactMap { $0 }).max() ?? first + slot
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
        let blocks = self.blocks
        for b in day.breaks {
            let row = (minutes(b.localStart) - first) / slot
            let span = max(row + 1, (minutes(b.localEnd) - first + slot - 1) / slot) - row
            // A session forced into a break keeps its cell; the break is then only in the list.
            let free = blocks.allSatisfy { $0.allSatisfy { $0.firstRow + $0.rowSpan <= row || row + span <= $0.firstRow } }
                && breaks.allSatisfy { $0.firstRow + $0.rowSpan <= row || row + span <= $0.firstRow }
            if free && !rooms.isEmpty { breaks.append((row, span, b)) }
        }
    }

    /// Rows `range` of the grid alone, for a printed page: blocks cut by either edge are kept, cut
    /// to the range, and say whether they began above it.
    public func part(_ range: Range<Int>) -> (grid: ProgrammeGrid, continued: Set<String>) {
        var part = self
        var continued = Set<String>()
        part.firstMinute = firstMinute + range.lowerBound * slotMinutes
        part.rowCount = range.count
        part.blocks = blocks.map { column in
            column.compactMap { b -> Block? in
                let lower = max(b.firstRow, range.lowerBound), upper = min(b.firstRow + b.rowSpan, range.upperBound)
                guard lower < upper else { return nil }
                if b.firstRow < range.lowerBound { continued.formUnion(b.items.map(\.session)) }
                return Block(firstRow: lower - range.lowerBound, rowSpan: upper - lower, items: b.items)
            }
        }
        part.breaks = breaks.compactMap { b in
            let lower = max(b.firstRow, range.lowerBound), upper = min(b.firstRow + b.rowSpan, range.upperBound)
            return lower < upper ? (lower - range.lowerBound, upper - lower, b.item) : nil
        }
        return (part, continued)
    }

    /// Where to cut the grid into printed parts of at most `rows` rows each: at rows no block
    /// crosses where there are such, so few blocks are split.
    public func parts(rows: Int) -> [Range<Int>] {
        let crossing = (0...rowCount).map { row in
            blocks.reduce(0) { $0 + $1.filter { $0.firstRow < row && row < $0.firstRow + $0.rowSpan }.count }
        }
        var out: [Range<Int>] = [], start = 0
        while rowCount - start > rows {
            let candidates = (start + max(1, rows / 2))...(start + rows)
            let cut = candidates.min { (crossing[$0], -$0) < (crossing[$1], -$1) }!
            out.append(start..<cut)
            start = cut
        }
        out.append(start..<rowCount)
        return out
    }

    /// The label of a row, e.g. `09:30`.
    public func time(ofRow row: Int) -> String {
        LocalDateTime(date: date, minuteOfDay: 0).adding(minutes: firstMinute + row * slotMinutes).timeText
    }
}
