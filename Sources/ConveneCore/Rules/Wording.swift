/// The words rules use with admins: people by name, rooms and sessions by title, times on the
/// event's wall clock, and what blocks a person (an entry of their calendar, or of the plan).
///
/// Without an event (a bare instance file) it falls back to ids and each instant's own offset.
public struct Wording: Sendable {
    let text: ScheduleText?
    let busy: [String: [BusyPeriod]]

    /// Words for an event's plan and its people's calendars.
    public init(event: Event?, busy: [String: [BusyPeriod]] = [:], language: Language = .en) {
        self.text = event.map { ScheduleText(event: $0, language: language) }
        self.busy = busy
    }

    /// A person's name.
    package func person(_ id: String) -> String { text?.person(id) ?? id }

    /// A room's name.
    package func room(_ id: String) -> String { text?.room(id) ?? id }

    /// A session's title with its id.
    package func session(_ id: String) -> String { text?.session(id) ?? id }

    /// `YYYY-MM-DD HH:MM` on the event's wall clock.
    package func time(_ instant: Instant) -> String {
        if let text { return text.time(instant) }
        let iso = instant.iso8601
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// A minute of the facts on the event's wall clock.
    package func time(_ minute: Int, _ facts: Facts) -> String { time(facts.instant(minute)) }

    /// `YYYY-MM-DD HH:MM–HH:MM` (the end with its date when it falls on another day).
    package func span(_ start: Int, _ end: Int, _ facts: Facts) -> String {
        let a = time(start, facts), b = time(end, facts)
        return a.prefix(10) == b.prefix(10) ? "\(a)–\(b.dropFirst(11))" : "\(a)–\(b)"
    }

    /// A list of names, e.g. `A, B and 3 more`.
    package static func list(_ names: [String], limit: Int = 4) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }

    /// What keeps a person away during a span: each plan entry and firm calendar entry that overlaps it.
    package func blocking(_ person: String, _ start: Int, _ end: Int, _ facts: Facts) -> [String] {
        let interval = Interval(start: facts.instant(start), end: facts.instant(end))
        var out: [String] = []
        for gap in text?.event.stakeholder(person)?.unavailable ?? [] where gap.overlaps(interval) {
            out.append("unavailable \(span(gap)) (in the plan)")
        }
        for b in busy[person] ?? [] where b.strength == .busy && b.interval.overlaps(interval) {
            let what = b.summary.map { "'\($0)'" } ?? "an entry"
            // The file name says which calendar; the folder it was read from does not help.
            let from = b.source.map { " from \($0.split(separator: "/").last.map(String.init) ?? $0)" } ?? ""
            out.append("busy: \(what)\(from), \(span(b.interval))")
        }
        return out
    }

    private func span(_ interval: Interval) -> String {
        let a = time(interval.start), b = time(interval.end)
        return a.prefix(10) == b.prefix(10) ? "\(a)–\(b.dropFirst(11))" : "\(a)–\(b)"
    }
}
