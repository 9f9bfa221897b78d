import ConveneCore

/// The agenda as a grid per day: rooms across, time slots down, in the event's zone.
///
/// Sessions that overlap in one room (a schedule still being fixed) share one cell, so every
/// scheduled session appears exactly once.
struct AgendaGrid {
    /// A scheduled session as the agenda shows it: no participants, only what anyone may see.
    struct Item {
        var session: Session
        var start: LocalDateTime
        var end: LocalDateTime
    }

    /// One cell spanning rows: the sessions that occupy a room from `firstRow` for `rowSpan` slots.
    struct Block {
        var firstRow: Int
        var rowSpan: Int
        var items: [Item]
    }

    /// A room heading: its id and the name shown.
    struct Column {
        var id: String
        var name: String
    }

    struct Day {
        var date: LocalDate
        var columns: [Column]
        /// Minute of the day the first row starts at.
        var firstMinute: Int
        var slotMinutes: Int
        var rowCount: Int
        /// Blocks per column index, ordered by first row.
        var blocks: [[Block]]

        /// The label of a row, e.g. `09:30`.
        func time(ofRow row: Int) -> String {
            LocalDateTime(date: date, minuteOfDay: 0).adding(minutes: firstMinute + row * slotMinutes).timeText
        }
    }

    var days: [Day]

    init(event: Event, schedule: ScheduleVersion?) {
        let zone = ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        let slot = max(5, event.slotMinutes)
        var items: [LocalDate: [(room: String, item: Item)]] = [:]
        for a in schedule?.assignments ?? [] {
            guard let session = event.session(a.session) else { continue }
            let start = zone.local(a.start), end = zone.local(a.start.adding(minutes: session.duration))
            items[start.date, default: []].append((a.room, Item(session: session, start: start, end: end)))
        }
        var hours: [LocalDate: (Int, Int)] = [:]
        for d in event.days {
            let opens = zone.local(d.opens), closes = zone.local(d.closes)
            hours[opens.date] = (opens.minuteOfDay, Self.minutes(closes, since: opens.date))
        }
        days = Set(items.keys).union(hours.keys).sorted().map { date in
            Self.day(date, items[date] ?? [], hours: hours[date], event: event, slot: slot)
        }
    }

    private static func day(
        _ date: LocalDate, _ placed: [(room: String, item: Item)], hours: (Int, Int)?, event: Event, slot: Int
    ) -> Day {
        let starts = placed.map { $0.item.start.minuteOfDay }
        let ends = placed.map { minutes($0.item.end, since: date) }
        let first = ((starts + [hours?.0].compactMap { $0 }).min() ?? 9 * 60) / slot * slot
        let last = (ends + [hours?.1].compactMap { $0 }).max() ?? first + slot
        let rowCount = max(1, (last - first + slot - 1) / slot)
        var ids = event.rooms.map(\.id).filter { id in placed.contains { $0.room == id } }
        ids += Set(placed.map(\.room)).subtracting(event.rooms.map(\.id)).sorted()
        let columns = ids.map { Column(id: $0, name: event.room($0)?.name.bilingual ?? $0) }
        let blocks = ids.map { id -> [Block] in
            var out: [Block] = []
            let here = placed.filter { $0.room == id }.map(\.item)
                .sorted { ($0.start, $0.session.id) < ($1.start, $1.session.id) }
            for item in here {
                let row = (item.start.minuteOfDay - first) / slot
                let endRow = max(row + 1, (minutes(item.end, since: date) - first + slot - 1) / slot)
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
        return Day(date: date, columns: columns, firstMinute: first, slotMinutes: slot, rowCount: rowCount, blocks: blocks)
    }

    /// Minutes from the start of `date` to a local time, past 24:00 for a session that runs over midnight.
    private static func minutes(_ t: LocalDateTime, since date: LocalDate) -> Int {
        (t.date.daysSinceEpoch - date.daysSinceEpoch) * 1440 + t.minuteOfDay
    }
}
