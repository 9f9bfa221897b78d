extension Event {
    /// The schedule the plan records as earlier (`previously:`), for the solver's `previous`:
    /// keeping sessions there is preferred, never required.
    public var previousSchedule: [Assignment] {
        sessions.compactMap { s in s.previously.map { Assignment(session: s.id, room: $0.room, start: $0.start) } }
    }
}

extension Publication.Snapshot {
    /// The schedule a plan records as `previously:`, published as one version made at `at` (e.g.
    /// when the plan was written): exports a plan made by `import-schedule` without solving it.
    public init(previousOf event: Event, at: Instant) {
        let placed = Set(event.previousSchedule.map(\.session))
        self.init(event: event, removed: [], history: [ScheduleVersion(
            number: 1, createdAt: at, command: "previously", assignments: event.previousSchedule,
            unscheduled: event.sessions.filter { !placed.contains($0.id) }.map {
                Solution.Unscheduled(session: $0.id, reason: "no earlier time in the plan")
            })])
    }
}
