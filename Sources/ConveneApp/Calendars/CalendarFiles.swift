public import ConveneCore
public import ConveneStore
public import Foundation

/// The plan's calendar files, read again when one of them changes on disk: the service's other kind
/// of calendar source. New busy times are recorded as an import records them (the plan as stored,
/// the calendars as now read), a fact whatever conflicts it brings.
public struct CalendarFiles: Sendable {
    public let store: Store

    /// The calendar files of the plan in `store`.
    public init(store: Store) { self.store = store }

    /// What one look at the files did.
    public struct Result: Sendable {
        /// Each file's modification time as seen now, by path: pass it back on the next call.
        public var seen: [String: Date] = [:]
        /// True when the files were read again (one changed since `seen`).
        public var read = false
        /// The change recorded, when the busy times changed.
        public var change: ChangeOutcome?
        /// Why the files could not be read; the busy times stored stay as they were.
        public var error: String?
        /// What the calendars hold that could not be used, file and line.
        public var skipped: [String] = []
    }

    /// Reads the files again when one's modification time differs from `seen` (all of them on a first
    /// call), and records their busy times when they differ from those stored.
    public func refresh(seen: [String: Date], at now: Instant) throws -> Result {
        let pipeline = ChangePipeline(store: store)
        let current = try pipeline.current()
        guard let planFile = current.planFile else { return Result(seen: seen) }
        let directory = (planFile as NSString).deletingLastPathComponent
        var result = Result()
        for (_, path) in Availability.files(of: current.plan, directory: directory) {
            result.seen[path] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                ?? Date(timeIntervalSince1970: 0)
        }
        guard result.seen != seen else { return result }
        result.read = true
        do {
            let availability = try Availability.read(event: current.plan, directory: directory)
            result.skipped = availability.skipped.map { $0.description(as: "warning") }
            result.change = try pipeline.record(ReadCalendarFiles(busy: availability.periods.filter { !$0.value.isEmpty }), at: now)
        } catch {
            // Tried again on the next pass: a file half-written now may be whole then.
            result.seen = [:]
            result.error = LiveCalendars.words(error)
        }
        return result
    }
}

/// The plan as stored with its calendar files' busy times as now read: what a refresh records.
struct ReadCalendarFiles: Change {
    var busy: [String: [BusyPeriod]]

    var command: String { "calendars refresh" }

    func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        var change = ProposedChange(command: command, basedOn: current.draft?.number)
        change.recordsFacts = true
        change.unchanged = "no change: the calendar files are as stored"
        guard let file = current.planFile, current.busy != busy else { return change }
        change.plan = ChangeRecord.Plan(event: current.plan, file: file, busy: busy)
        change.notes = ["calendar files read again"]
        var after = current
        after.busy = busy
        change.judge(before: current.conflicts, after: after.conflicts)
        return change
    }
}
