public import ConveneCore
import ConveneICal
public import ConveneMail
public import ConveneStore
import Foundation

/// People's live calendars: saving an address (fetched at once), removing it, and refreshing what is
/// stored. Fetching is done here, outside the change pipeline; what the fetch brings is then one change
/// through it when the busy times changed, and only a fetch-state update when they did not.
public struct LiveCalendars: Sendable {
    public let store: Store
    public var fetcher: CalendarFetcher

    /// Calendars of `store`, fetched with `fetcher`.
    public init(store: Store, fetcher: CalendarFetcher = CalendarFetcher()) {
        self.store = store
        self.fetcher = fetcher
    }

    /// What one fetch did.
    public enum Outcome: Sendable, Hashable {
        /// The calendar is as it was (a 304, or the same busy times).
        case unchanged
        /// New busy times were recorded: this many.
        case changed(Int)
        /// The fetch or the read failed; the last good busy times are kept.
        case failed(String)
    }

    /// What a refresh or a save did for one person.
    public struct Result: Sendable {
        public var person: String
        public var outcome: Outcome
        /// What the calendar holds that could not be used, as reading a calendar file reports it.
        public var skipped: [String] = []
        /// The change recorded, when the busy times changed.
        public var change: ChangeOutcome?
    }

    /// Saves `address` as `person`'s live calendar and fetches it at once. The address is stored even
    /// when the fetch fails (the error is shown, and a refresh tries again); an address that is not
    /// http(s) or webcal is refused with `AppError`.
    public func save(person: String, address: String, origin: RecordLiveCalendar.Origin = .page, at now: Instant) throws -> Result {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        do { _ = try CalendarFetcher.address(trimmed) } catch let e as MailError {
            throw AppError("the calendar address must start with https://, http:// or webcal:// and hold no spaces"
                + (e.message.contains("control") ? " or control characters" : ""))
        }
        let pipeline = ChangePipeline(store: store)
        let current = try pipeline.current()
        guard let stakeholder = current.plan.stakeholder(person) else { throw AppError("no person '\(person)' in \(current.plan.id)") }
        let before = current.live[person].flatMap { $0.address == trimmed ? $0 : nil }
        var calendar = LiveCalendar(person: person, address: trimmed, busy: before?.busy ?? [], state: .init())
        var result = Result(person: person, outcome: .unchanged)
        do {
            let fetched = try fetcher.fetch(trimmed)
            guard case let .calendar(bytes, etag, lastModified) = fetched else { throw AppError("the server answered 304 to a plain fetch") }
            let read = try Self.read(bytes, for: stakeholder, events: try events(of: person, with: current.plan))
            calendar.busy = read.periods
            calendar.state = .init(fetchedAt: now, changedAt: now, etag: etag, lastModified: lastModified)
            result.outcome = .changed(read.periods.count)
            result.skipped = read.skipped
        } catch {
            // A failed fetch of the address already stored keeps its last good busy times.
            calendar.state = .init(fetchedAt: now, changedAt: before?.state.changedAt, error: Self.words(error),
                                   failures: (before?.state.failures ?? 0) + 1)
            result.outcome = .failed(Self.words(error))
        }
        let outcome = try pipeline.record(RecordLiveCalendar(person: person, calendar: calendar, origin: origin), at: now)
        if outcome.saved == nil {
            var state = calendar.state
            state.changedAt = before?.state.changedAt ?? state.changedAt
            try store.updateLiveCalendarState(person: person, address: trimmed, state)
            if case .changed = result.outcome { result.outcome = .unchanged }
        } else {
            result.change = outcome
        }
        return result
    }

    /// A person's live calendar as their page shows it.
    public struct Shown: Sendable {
        public var calendar: LiveCalendar
        /// The person's zone (else the event's), in which the page shows times.
        public var zone: ZoneRules
        /// The busy times that fall in the event's days, by start.
        public var inEventDays: [BusyPeriod]
    }

    /// `person`'s live calendar for their page; nil when they have none. Reads only the plan and the calendars.
    public func shown(for person: String) throws -> Shown? {
        guard let event = try store.event(), let stakeholder = event.stakeholder(person),
              let calendar = try store.liveCalendars()[person] else { return nil }
        let zone = ZoneRules(identifier: stakeholder.timeZone) ?? ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        let days = event.days.map(\.hours)
        return Shown(calendar: calendar, zone: zone, inEventDays: calendar.busy.filter { b in days.contains { $0.overlaps(b.interval) } })
    }

    /// Removes `person`'s live calendar; their busy times from it stop counting.
    @discardableResult
    public func remove(person: String, at now: Instant) throws -> ChangeOutcome {
        try ChangePipeline(store: store).record(RecordLiveCalendar(person: person, calendar: nil, origin: .page), at: now)
    }

    /// Fetches the live calendars again (of `person` only, when given; those `due` allows, when given),
    /// asking the server for the version stored (If-None-Match, If-Modified-Since). Busy times that
    /// changed are one change each through the pipeline; an unchanged calendar or a failed fetch only
    /// updates its fetch state, and a failure never drops the last good busy times.
    public func refresh(person: String? = nil, at now: Instant, due: (LiveCalendar) -> Bool = { _ in true }) throws -> [Result] {
        let pipeline = ChangePipeline(store: store)
        let current = try pipeline.current()
        if let person, current.plan.stakeholder(person) == nil { throw AppError("no person '\(person)' in \(current.plan.id)") }
        var results: [Result] = []
        for (id, stored) in current.live.sorted(by: { $0.key < $1.key }) where (person == nil || id == person) && due(stored) {
            guard let stakeholder = current.plan.stakeholder(id) else { continue }
            var state = stored.state
            state.fetchedAt = now
            var result = Result(person: id, outcome: .unchanged)
            do {
                switch try fetcher.fetch(stored.address, etag: stored.state.etag, lastModified: stored.state.lastModified) {
                case .unchanged:
                    state.error = nil
                    state.failures = 0
                case let .calendar(bytes, etag, lastModified):
                    let read = try Self.read(bytes, for: stakeholder, events: try events(of: id, with: current.plan))
                    (state.etag, state.lastModified, state.error, state.failures) = (etag, lastModified, nil, 0)
                    result.skipped = read.skipped
                    if read.periods != stored.busy {
                        state.changedAt = now
                        var calendar = stored
                        (calendar.busy, calendar.state) = (read.periods, state)
                        let outcome = try pipeline.record(RecordLiveCalendar(person: id, calendar: calendar, origin: .refresh), at: now)
                        if outcome.saved != nil {
                            result.outcome = .changed(read.periods.count)
                            result.change = outcome
                            results.append(result)
                            continue
                        }
                    }
                }
            } catch {
                state.error = Self.words(error)
                state.failures += 1
                result.outcome = .failed(Self.words(error))
            }
            try store.updateLiveCalendarState(person: id, address: stored.address, state)
            results.append(result)
        }
        return results
    }

    /// `event` and the other events of the store `person` takes part in: a live calendar is the person's
    /// across events (one row, one fetch), so it is read over the days of each of them.
    private func events(of person: String, with event: Event) throws -> [Event] {
        let directory = EventDirectory(store: store)
        let others = try directory.events(of: person).filter { $0 != event.id }
        return try [event] + others.compactMap { try directory.scoped(to: $0).event() }
    }

    /// Reads fetched bytes as a calendar file is read (libical, the same limits and warnings), over the
    /// days of each event, floating times in the person's zone; titles are dropped before anything is kept.
    /// Events far apart are read window by window, not over the months between them.
    static func read(_ bytes: [UInt8], for person: Stakeholder, events: [Event]) throws -> (periods: [BusyPeriod], skipped: [String]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var periods: [BusyPeriod] = [], skipped: [String] = []
        for window in events.compactMap(Availability.window(for:)) {
            let read = try CalendarReader.read(text: text, source: "live calendar", window: window, floatingZone: person.timeZone)
            for p in read.periods where p.strength != .ifNeedBe {
                let busy = BusyPeriod(interval: p.interval, strength: p.strength, source: "live calendar")
                // Windows of events close together overlap: a busy time in both is kept once.
                if events.count == 1 || !periods.contains(busy) { periods.append(busy) }
            }
            for s in read.skipped.map(\.description) where !skipped.contains(s) { skipped.append(s) }
        }
        if events.count > 1 {
            periods.sort { ($0.interval.start.secondsSinceEpoch, $0.interval.end.secondsSinceEpoch)
                < ($1.interval.start.secondsSinceEpoch, $1.interval.end.secondsSinceEpoch) }
        }
        return (periods, skipped)
    }

    /// An error in words a person can read; fetch errors already show the address redacted.
    static func words(_ error: any Error) -> String {
        switch error {
        case let e as MailError: e.message
        case let e as AppError: e.message
        default: "\(error)"
        }
    }

    /// Whether the service should fetch a calendar now: every pass while it works; after failures, only
    /// when `every` seconds doubled for each failure in a row (at most 64 times) have passed.
    public static func isDue(_ calendar: LiveCalendar, every: Int, at now: Instant) -> Bool {
        guard calendar.state.failures > 0, let last = calendar.state.fetchedAt else { return true }
        let wait = Int64(every) << Int64(min(calendar.state.failures, 6))
        // Half a period of slack: passes come every `every` seconds, not on the dot.
        return now.secondsSinceEpoch + Int64(every) / 2 >= last.secondsSinceEpoch + wait
    }
}
