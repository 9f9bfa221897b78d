/// What an admin works on: the plan as it stands (admin pins applied), people's busy
/// times and answers, and the latest schedule version.
public struct CurrentSchedule: Sendable {
    public var event: Event
    public var busy: [String: [BusyPeriod]]
    public var declines: [Decline]
    public var version: ScheduleVersion

    /// Gathers the parts; the Store reads them, this type only reasons about them.
    public init(event: Event, busy: [String: [BusyPeriod]], declines: [Decline] = [], version: ScheduleVersion) {
        self.event = event
        self.busy = busy
        self.declines = declines
        self.version = version
    }

    /// The finder for this plan, calendars and answers.
    public var finder: ConflictFinder { ConflictFinder(event: event, busy: busy, declines: declines) }

    /// Names and times in the admin's words.
    public var text: ScheduleText { ScheduleText(event: event) }

    /// Every conflict in the current schedule.
    public var conflicts: [Conflict] { finder.conflicts(in: version.assignments) }

    /// An edit that starts from the current assignments.
    public var edit: ScheduleEdit { ScheduleEdit(event: event, assignments: version.assignments) }

    /// The current schedule changed to `assignments`, checked: what moves and which conflicts it adds.
    ///
    /// Sessions left out keep the reason `unscheduled` gives, else the one they had, else `unscheduledReason`.
    public func propose(
        _ assignments: [Assignment], unscheduled given: [Solution.Unscheduled] = [], score: Score? = nil,
        unscheduledReason: String = "taken off the schedule by hand"
    ) -> ProposedChange {
        let finder = self.finder
        let before = finder.conflicts(in: version.assignments)
        let after = finder.conflicts(in: assignments)
        let placed = Set(assignments.map(\.session))
        let earlier = Dictionary((given + version.unscheduled).map { ($0.session, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let unscheduled = event.sessions.filter { !placed.contains($0.id) }.map {
            Solution.Unscheduled(session: $0.id, reason: earlier[$0.id] ?? unscheduledReason)
        }
        return ProposedChange(
            basedOn: version.number, assignments: assignments, unscheduled: unscheduled, score: score,
            diff: ScheduleDiff(from: version.assignments, to: assignments, event: event),
            conflicts: after, added: ConflictFinder.added(after, comparedTo: before),
            resolved: ConflictFinder.added(before, comparedTo: after))
    }
}

/// A change to the schedule worked out but not saved: its diff and the conflicts it adds or removes.
public struct ProposedChange: Sendable {
    /// The version the change starts from.
    public var basedOn: Int
    public var assignments: [Assignment]
    public var unscheduled: [Solution.Unscheduled]
    public var score: Score?
    public var diff: ScheduleDiff
    /// Every conflict the schedule would have.
    public var conflicts: [Conflict]
    /// Conflicts the change brings that the current schedule does not have.
    public var added: [Conflict]
    /// Conflicts of the current schedule that the change removes.
    public var resolved: [Conflict]

    /// Throws `ChangeRefused` when the change adds a conflict and is not forced.
    public func check(force: Bool) throws {
        if !added.isEmpty && !force { throw ChangeRefused(conflicts: added) }
    }

    /// What the audit log keeps of the change: the diff and any conflicts accepted.
    public func detail(_ text: ScheduleText) -> String {
        var parts = diff.lines(text)
        if parts.isEmpty { parts = ["no session changes"] }
        if !added.isEmpty { parts.append("accepted conflicts: " + added.map(\.description).joined(separator: " | ")) }
        return parts.joined(separator: "; ")
    }
}

/// A change refused because it would add conflicts; `--force` accepts it.
public struct ChangeRefused: Error, CustomStringConvertible, Equatable {
    public var conflicts: [Conflict]

    public init(conflicts: [Conflict]) { self.conflicts = conflicts }

    public var description: String {
        (["error: refused: the change adds \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"):"]
            + conflicts.map { "  \($0)" } + ["nothing was saved; use --force to accept it and record the conflict"])
            .joined(separator: "\n")
    }
}
