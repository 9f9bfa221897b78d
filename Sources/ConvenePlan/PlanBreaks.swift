import ConveneCore

extension PlanReader {
    /// `event.breaks`: `{from: "12:00", to: "13:00", name: …}` closes every room on every day of the event
    /// (series' days included) whose hours it touches; with dates (`"YYYY-MM-DD HH:MM"`) it closes them once.
    func readBreaks(_ node: PlanNode?, days: [EventDay]) -> [EventBreak]? {
        var breaks: [EventBreak] = []
        for item in list(node) {
            guard let f = fields(item, known: ["from", "to", "name"], required: ["from", "to"]),
                  let from = f["from"], let to = f["to"] else { continue }
            let name = f["name"].flatMap { localized($0) }
            // "12:00" is five characters; anything longer carries a date.
            if (from.scalar ?? "").count > 5 {
                guard let a = instant(from), let b = instant(to) else { continue }
                guard a < b else { error(to, "'\(item.path)' ends before it starts"); continue }
                let interval = Interval(start: a, end: b)
                if !days.contains(where: { $0.hours.overlaps(interval) }), !days.isEmpty {
                    warning(item, "the break '\(item.path)' falls on no day of the event")
                }
                breaks.append(EventBreak(interval: interval, name: name))
            } else {
                guard let a = minuteOfDay(from), let b = minuteOfDay(to) else { continue }
                guard a < b else { error(to, "'\(item.path)' ends before it starts"); continue }
                let before = breaks.count
                for day in days {
                    let interval = Interval(start: instant(day.date, a), end: instant(day.date, b))
                    if interval.overlaps(day.hours) { breaks.append(EventBreak(interval: interval, name: name)) }
                }
                if breaks.count == before, !days.isEmpty { warning(item, "the break '\(item.path)' falls outside every day's hours") }
            }
        }
        return breaks.isEmpty ? nil : breaks.sorted { $0.interval.start < $1.interval.start }
    }
}
