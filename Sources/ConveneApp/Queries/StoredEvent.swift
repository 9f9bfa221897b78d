public import ConveneCore
public import ConveneStore

/// What the read-only commands ask of the database: the event, its schedule versions, what is
/// published and what mail is due. Each step not taken yet is one `AppError`, worded once.
public struct StoredEvent: Sendable {
    /// The database read.
    public let store: Store
    /// The event as last imported.
    public let event: Event

    /// The event in `store`; throws `AppError.noEvent` before the first import.
    public init(store: Store) throws {
        guard let event = try store.event() else { throw AppError.noEvent }
        self.store = store
        self.event = event
    }

    /// The one place that picks the event a command works on: `requested` when the store holds it,
    /// else the store's only event. Refuses, naming the events held, an id the store does not hold
    /// or a choice left open among several. An empty store picks nothing; the command then says
    /// nothing was imported.
    public static func choose(_ requested: String?, in store: Store) throws -> String? {
        let held = try store.eventIDs()
        guard !held.isEmpty else { return nil }
        if let requested {
            guard held.contains(requested) else {
                throw AppError("the store holds no event '\(requested)'; it holds \(held.joined(separator: ", "))")
            }
            return requested
        }
        guard held.count == 1 else {
            throw AppError("the store holds \(held.count) events: \(held.joined(separator: ", ")); give --event ID")
        }
        return held[0]
    }

    /// Every event the store holds, each over the store scoped to it: what a service's workers go through.
    /// Empty before the first import.
    public static func all(in store: Store) throws -> [StoredEvent] {
        let events = EventDirectory(store: store)
        return try events.ids().map { try StoredEvent(store: events.scoped(to: $0)) }
    }

    /// The draft: the latest schedule version; throws `AppError.noSchedule` before the first schedule.
    public func draft() throws -> ScheduleVersion {
        guard let draft = try store.currentSchedule() else { throw AppError.noSchedule }
        return draft
    }

    /// A schedule version by number; throws naming the versions there are when there is no such one.
    public func version(_ number: Int) throws -> ScheduleVersion {
        _ = try draft()
        guard let version = try store.schedule(version: number) else {
            throw AppError("no schedule version \(number) of \(event.id); its versions are \(Self.spans(try store.versionNumbers()))")
        }
        return version
    }

    /// Numbers in runs, "1–3, 7, 9–12": an event's versions are consecutive only while the store holds it alone.
    package static func spans(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for n in numbers {
            if let last = runs.last, last.upperBound + 1 == n { runs[runs.count - 1] = last.lowerBound...n } else { runs.append(n...n) }
        }
        return runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
    }

    /// What is published; throws `AppError.nothingPublished` before the first publish.
    public func published() throws -> PublishedSchedule {
        guard let published = try PublishedSchedule.load(from: store), published.latest != nil else {
            throw AppError.nothingPublished
        }
        return published
    }

    /// The schedule an agenda shows: the draft, or the release in force.
    public func agenda(published: Bool) throws -> Agenda {
        Agenda(event: event, schedule: published ? try self.published().latest!.schedule : try draft())
    }

    /// The messages `invite` would send at `now`, in the order it sends them.
    public func dueMessages(at now: Instant) throws -> [OutboxMessage] { try store.dueMessages(at: now) }
}
