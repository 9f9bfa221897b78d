import ConveneCore
import Yams

/// Reading a `series`: sessions held with a cadence (weekly, say) on some weekdays between two dates,
/// at set hours. It expands into the days it meets on and its sessions, each held only at those times.
extension PlanReader {
    /// Reads one series, adds its sessions to `sessions` and its dates to `days`, and returns the
    /// cadence the schedule must keep across its sessions.
    func readSeries(_ node: PlanNode, days: inout [EventDay], sessions: inout [Session], _ at: inout PlanPositions) -> SessionSeries? {
        guard let f = fields(node, known: ["id", "title", "every", "leeway", "skip", "from", "to", "on", "except", "opens", "closes",
                                           "each", "sessions"],
                             required: ["id", "every", "from", "to", "opens", "closes", "sessions"]),
              let id = identifier(f["id"]) else { return nil }
        if let first = at.series[id] {
            error(f["id"]!, "duplicate series id '\(id)' (first defined at line \(first.line))")
            return nil
        }
        at.series[id] = f["id"]!
        let title = f["title"].flatMap { localized($0) }
        let cadence = f["every"].flatMap(cadence)
        let leeway = f["leeway"].map { int($0, min: 0) } ?? cadence.map { $0 >= 7 ? 2 : 0 }
        // Meetings that may be missed in a row: a trip or a holiday week then costs one seminar, not the rest of the series.
        var skip = f["skip"].map { int($0, min: 0) } ?? 0
        if let n = skip, n > Self.longestSeries, let node = f["skip"] {
            error(node, "'\(node.path)' is \(n); a series skips at most \(Self.longestSeries) meetings in a row")
            skip = nil
        }
        let from = date(f["from"]), to = date(f["to"])
        let weekdays = f["on"].map(weekdays) ?? Set(1...7)
        let except = list(f["except"]).compactMap { n in date(n).map { ($0, n) } }
        let opens = minuteOfDay(f["opens"]), closes = minuteOfDay(f["closes"])
        if let each = f["each"], each.pairs == nil { error(each, "'\(each.path)' must be a mapping of session fields, not \(each.kindName)") }

        var own: [Session] = []
        for entry in list(f["sessions"]) {
            if let written = entry.pairs?.first(where: { $0.key.scalar == "windows" }) {
                error(written.key, "a session of series '\(id)' is held at the series' dates and hours; leave out '\(written.key.path)'")
            }
            if let s = readSession(merged(entry, f["each"]), &at) { own.append(s) }
        }
        if own.isEmpty, let n = f["sessions"], n.items?.isEmpty == true { error(n, "series '\(id)' lists no session") }
        defer { sessions += own }

        guard let cadence, let leeway, let skip, let from, let to, let weekdays, let opens, let closes else { return nil }
        guard from <= to else { error(f["to"]!, "series '\(id)' ends (\(to)) before it starts (\(from))"); return nil }
        guard to.daysSinceEpoch - from.daysSinceEpoch <= Self.longestSeries else {
            error(f["to"]!, "series '\(id)' runs from \(from) to \(to); a series spans at most \(Self.longestSeries) days")
            return nil
        }
        guard opens < closes else { error(f["closes"]!, "series '\(id)' closes before it opens"); return nil }
        for (d, n) in except where d < from || to < d {
            warning(n, "series '\(id)' does not meet on \(d) anyway: it runs from \(from) to \(to)")
        }
        let skipped = Set(except.map(\.0))
        let dates = (from.daysSinceEpoch...to.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:))
            .filter { weekdays.contains($0.isoWeekday) && !skipped.contains($0) }
        guard !dates.isEmpty else { error(f["from"]!, "series '\(id)' meets on no date from \(from) to \(to)"); return nil }

        // The instance format has no count of gaps: `skip` widens the longest gap allowed between two
        // consecutive held sessions to that many missed meetings.
        let lo = max(1, cadence - leeway), hi = cadence * (skip + 1) + leeway
        let most = longestChain(dates.map(\.daysSinceEpoch), lo, hi)
        if own.count > most, let n = f["sessions"] {
            error(n, "series '\(id)' has \(own.count) sessions, but its dates from \(from) to \(to) hold at most \(most) "
                + "\(lo == hi ? "\(lo)" : "\(lo)–\(hi)") days apart; widen the dates or the days ('on', 'except'), or list fewer sessions")
        }

        var windows: [Interval] = []
        var clash = false
        for date in dates {
            let hours = Interval(start: instant(date, opens), end: instant(date, closes))
            windows.append(hours)
            if let day = days.first(where: { $0.date == date }) {
                if !day.hours.contains(hours) && !clash {
                    clash = true
                    error(f["opens"]!, "series '\(id)' meets on \(date) from \(clockText(opens)) to \(clockText(closes)), "
                        + "outside the hours that day already has (\(clockText(day.opens))–\(clockText(day.closes)), "
                        + "from 'event.days' or another series)")
                }
            } else {
                days.append(EventDay(date: date, opens: hours.start, closes: hours.end))
            }
        }
        days.sort { $0.date < $1.date }
        for i in own.indices {
            own[i].windows = windows
            // What `check` says about a series session's times points at the series' hours.
            at.sessionFields[own[i].id]?["windows"] = f["opens"]
        }
        return SessionSeries(id: id, title: title, sessions: own.map(\.id), minDaysApart: lo, maxDaysApart: hi)
    }

    /// Days a series may span: two years, so a mistyped year cannot expand into thousands of days.
    static let longestSeries = 731

    /// A series' session entry with the fields of `each` it does not write itself.
    private func merged(_ entry: PlanNode, _ each: PlanNode?) -> PlanNode {
        guard case .mapping(let own) = entry.node, let each, case .mapping(let shared) = each.node else { return entry }
        let written = Set(own.keys.compactMap(\.string))
        let pairs = own.map { ($0.key, $0.value) } + shared.filter { !written.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
        return PlanNode(node: .mapping(Node.Mapping(pairs, own.tag, own.style, own.mark)), path: entry.path)
    }

    /// `day`, `week`, `N days` or `N weeks`, in days.
    private func cadence(_ node: PlanNode) -> Int? {
        guard let s = text(node) else { return nil }
        let words = s.lowercased().split(separator: " ").map(String.init)
        if words.count == 1, let days = ["day": 1, "daily": 1, "week": 7, "weekly": 7][words[0]] { return days }
        if words.count == 2, let n = Int(words[0]), n >= 1, let days = ["day": 1, "days": 1, "week": 7, "weeks": 7][words[1]] {
            return n * days
        }
        error(node, "'\(node.path)' is '\(s)'; write the cadence as day, week, N days or N weeks")
        return nil
    }

    /// `[mon, tue, …]` (or full names) or `weekdays`, as ISO weekday numbers.
    private func weekdays(_ node: PlanNode) -> Set<Int>? {
        let short = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let long = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if node.scalar == "weekdays" { return Set(1...5) }
        var out = Set<Int>()
        for item in list(node) {
            guard let s = text(item) else { return nil }
            guard let i = short.firstIndex(of: s.lowercased()) ?? long.firstIndex(of: s.lowercased()) else {
                error(item, "'\(item.path)' is '\(s)'; name weekdays as \(short.joined(separator: ", ")), or write 'on: weekdays'")
                return nil
            }
            out.insert(i + 1)
        }
        if out.isEmpty { error(node, "'\(node.path)' names no weekday") }
        return out.isEmpty ? nil : out
    }

    /// A date written `"YYYY-MM-DD"`.
    func date(_ node: PlanNode?) -> LocalDate? {
        guard let node, let written = text(node) else { return nil }
        let s = asciiDigits(written, node)
        guard let d = LocalDate.parse(s) else {
            error(node, "'\(node.path)' is '\(s)'; write a date as \"YYYY-MM-DD\"")
            return nil
        }
        return d
    }

    /// `HH:MM` of an instant on the event's clock, or of minutes after midnight.
    private func clockText(_ instant: Instant) -> String { zone.local(instant).timeText }
    private func clockText(_ minute: Int) -> String { Instance.ClockRange.text(minute) }
}

/// The most sessions that sorted dates (days since the epoch) can hold, consecutive ones between
/// `lo` and `hi` days apart.
func longestChain(_ dates: [Int], _ lo: Int, _ hi: Int) -> Int {
    var best = [Int](repeating: 1, count: dates.count)
    for i in dates.indices {
        var j = i - 1
        while j >= 0, dates[i] - dates[j] <= hi {
            if dates[i] - dates[j] >= lo { best[i] = max(best[i], best[j] + 1) }
            j -= 1
        }
    }
    return best.max() ?? 0
}
