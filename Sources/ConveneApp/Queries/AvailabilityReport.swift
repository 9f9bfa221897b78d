public import ConveneCore
import ConveneMail

/// Who has said when they can come, and what everyone's times add up to: `convene availability`.
public struct AvailabilityReport: Sendable, Encodable {
    /// One person's side.
    public struct Person: Sendable, Encodable {
        public var id: String
        public var name: String
        /// True once they saved their availability on their page.
        public var answered: Bool
        /// When they last saved it.
        public var answeredAt: Instant?
        /// "I can come at any time during the event" (true until they say otherwise).
        public var anyTime: Bool
        public var note: String?
        /// Every time they cannot come, merged: the plan's `unavailable:`, their calendars' firm busy
        /// times and the cells they marked unavailable, with the event's offset.
        public var unavailable: [Interval]
        /// The times they marked "if need be", merged.
        public var ifNeedBe: [Interval]
        /// True when some session requires them.
        public var required: Bool
        /// Their live calendar, when they gave one on their page.
        public var calendar: Calendar?
    }

    /// A person's live calendar as the organizer may see it: the address redacted, never its busy times' titles.
    public struct Calendar: Sendable, Encodable {
        /// Scheme and host only (`https://calendar.google.com/…`): the rest of the address is the secret.
        public var address: String
        /// When it was last fetched, well or not.
        public var fetched: Instant?
        /// How many busy times the last good read gave.
        public var busy: Int
        /// The last fetch's error, in words; nil when it went well.
        public var error: String?

        /// The state of `calendar`, times in `zone`.
        public init(_ calendar: LiveCalendar, zone: ZoneRules) {
            address = CalendarFetcher.redacted(calendar.address)
            fetched = calendar.state.fetchedAt.map { zone.localized($0) }
            busy = calendar.busy.count
            error = calendar.state.error
        }
    }

    /// One cell of a day: how many of the required people can come.
    public struct Slot: Sendable, Encodable {
        public var start: Instant
        public var end: Instant
        /// Required people free then (some of them only "if need be").
        public var available: Int
        /// Of `available`, those who marked it "if need be".
        public var ifNeedBe: Int
    }

    /// The slots of one of the event's dates.
    public struct Day: Sendable, Encodable {
        public var date: LocalDate
        public var slots: [Slot]
    }

    public var people: [Person]
    /// How many people some session requires.
    public var requiredPeople: Int
    public var days: [Day]

    /// The report on the current state.
    public init(_ current: CurrentSchedule) {
        let event = current.plan
        let instance = current.event.instance(periods: current.periods)
        let facts = Facts(instance)
        let required = Set(event.sessions.flatMap(\.required))
        let zone = ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        people = instance.people.map { p in
            let answer = current.availability[p.id]
            return Person(id: p.id, name: event.stakeholder(p.id)?.name ?? p.id, answered: answer != nil,
                          answeredAt: answer.map { zone.localized($0.answeredAt) }, anyTime: answer?.anyTime ?? true, note: answer?.note,
                          unavailable: p.unavailable, ifNeedBe: p.ifNeedBe, required: required.contains(p.id),
                          calendar: current.live[p.id].map { Calendar($0, zone: zone) })
        }
        let crowd = people.filter(\.required).compactMap { facts.people[$0.id] }
        requiredPeople = crowd.count
        var days: [Day] = []
        for cell in AvailabilityGrid.cells(event) {
            let a = facts.minutes(cell.start), b = facts.minutes(cell.end)
            let free = crowd.filter { $0.available(a, b) }
            let slot = Slot(start: zone.localized(cell.start), end: zone.localized(cell.end), available: free.count,
                            ifNeedBe: free.filter { $0.ifNeedBe.touches(a, b) }.count)
            let date = zone.local(cell.start).date
            if days.last?.date == date { days[days.count - 1].slots.append(slot) } else { days.append(Day(date: date, slots: [slot])) }
        }
        self.days = days
    }

    /// The report in words: who answered and when, who has not, each person's times, and per day a
    /// grid of how many required people can come in each slot (`#` can, `+` only if need be, `.` cannot).
    public func lines(_ text: ScheduleText) -> [String] {
        let answered = people.filter(\.answered), missing = people.filter { !$0.answered }
        var out = ["answered: \(answered.count) of \(people.count)"]
        for p in answered { out.append("  \(p.id) (\(p.name)) at \(p.answeredAt.map(text.time) ?? "?")" + (p.anyTime ? ": any time" : "")) }
        out.append("not answered: " + (missing.isEmpty ? "nobody" : missing.map(\.id).joined(separator: ", ")))
        for p in people where !p.unavailable.isEmpty || !p.ifNeedBe.isEmpty || p.note != nil || p.calendar != nil {
            out.append("\(p.id):")
            if let c = p.calendar { out.append("  calendar: " + c.line(text)) }
            if !p.unavailable.isEmpty { out.append("  unavailable: " + p.unavailable.map(text.span).joined(separator: ", ")) }
            if !p.ifNeedBe.isEmpty { out.append("  if need be: " + p.ifNeedBe.map(text.span).joined(separator: ", ")) }
            if let note = p.note { out.append("  note: \(note.split(whereSeparator: \.isNewline).joined(separator: " / "))") }
        }
        for day in days {
            out.append("\(day.date.iso8601): required people who can come, of \(requiredPeople)")
            for s in day.slots {
                let sure = s.available - s.ifNeedBe
                let bar = String(repeating: "#", count: sure) + String(repeating: "+", count: s.ifNeedBe)
                    + String(repeating: ".", count: max(0, requiredPeople - s.available))
                out.append("  \(text.time(s.start).suffix(5)) \(bar) \(s.available)" + (s.ifNeedBe > 0 ? " (\(s.ifNeedBe) if need be)" : ""))
            }
        }
        return out
    }
}

extension AvailabilityReport.Calendar {
    /// `ADDRESS, N busy times, fetched TIME` or `ADDRESS, failed at TIME: REASON`, as the CLI prints it.
    public func line(_ text: ScheduleText) -> String {
        let when = fetched.map(text.time) ?? "never"
        if let error { return "\(address), \(busy) busy time\(busy == 1 ? "" : "s") kept, failed at \(when): \(error)" }
        return "\(address), \(busy) busy time\(busy == 1 ? "" : "s"), fetched \(when)"
    }
}
