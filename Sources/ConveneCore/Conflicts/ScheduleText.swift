/// Names and wall-clock times of an event's schedule, in the words an admin reads.
///
/// People are named by name, rooms and sessions by title, times in the event's zone.
public struct ScheduleText: Sendable {
    public let event: Event
    public let language: Language
    let zone: ZoneRules?

    /// Creates the wording for an event, in English unless told otherwise.
    public init(event: Event, language: Language = .en) {
        self.event = event
        self.language = language
        self.zone = ZoneRules(identifier: event.timeZone)
    }

    /// A person's name, or their id when the plan no longer lists them.
    public func person(_ id: String) -> String { event.stakeholder(id)?.name ?? id }

    /// A room's name, or its id when the plan no longer lists it.
    public func room(_ id: String) -> String { event.room(id)?.name.text(in: language) ?? id }

    /// A session's title with its id, e.g. `"Opening Plenary" (s-opening)`.
    public func session(_ id: String) -> String {
        guard let s = event.session(id) else { return id }
        return "\"\(s.title.text(in: language))\" (\(id))"
    }

    /// The wall-clock time in the event's zone, `YYYY-MM-DD HH:MM`.
    public func time(_ instant: Instant) -> String {
        let local = zone?.local(instant) ?? LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(instant.utcOffsetSeconds))
        return "\(local.date.iso8601) \(local.timeText)"
    }

    /// A span as `YYYY-MM-DD HH:MM–HH:MM` (the end with its date when it falls on another day).
    public func span(_ interval: Interval) -> String {
        let a = time(interval.start), b = time(interval.end)
        return a.prefix(10) == b.prefix(10) ? "\(a)–\(b.dropFirst(11))" : "\(a)–\(b)"
    }

    /// Where and when an assignment puts its session, e.g. `Main Hall, 2027-02-22 09:30–10:30`.
    public func place(_ a: Assignment) -> String {
        let minutes = event.session(a.session)?.duration ?? 0
        return "\(room(a.room)), \(span(Interval(start: a.start, end: a.start.adding(minutes: minutes))))"
    }

    /// Reads an admin's `YYYY-MM-DD HH:MM` as a wall-clock time in the event's zone.
    public func instant(_ text: String) -> Instant? {
        guard let local = LocalDateTime.parse(text.trimmingWhitespace) else { return nil }
        return zone?.instant(local) ?? Instant(secondsSinceEpoch: local.secondsSinceEpoch(utcOffset: 0))
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
