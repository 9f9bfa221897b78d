public import ConveneCore
public import ConveneStore

/// A change worked out but not saved: what it writes, what moves, and the conflicts it adds or removes.
public struct ProposedChange: Sendable {
    /// The command that asked for it, e.g. `move`.
    public var command: String
    /// The draft version it starts from; nil before the first schedule.
    public var basedOn: Int?
    /// The new draft, when the change makes one.
    public var schedule: ChangeRecord.Version?
    /// A change to the admin pins, when the change makes one.
    public var pin: PinChange?
    /// The plan and calendars, when the change imports them.
    public var plan: ChangeRecord.Plan?
    /// Answers not stored before.
    public var answers: [RSVPAnswer] = []
    /// Replies held for the organizer instead of recorded.
    public var held: [HeldReply] = []
    /// The held reply the answers come from, when the organizer records one.
    public var settles: Int64?
    /// Availability answers to store, each a new save.
    public var availability: [AvailabilityAnswer] = []
    /// Live calendars to set or remove.
    public var liveCalendars: [LiveCalendarWrite] = []
    /// Which sessions move, from the draft to the new one.
    public var diff = ScheduleDiff(from: [], to: [], event: nil)
    /// Every conflict the draft would have.
    public var conflicts: [Conflict] = []
    /// Conflicts the change brings that the draft does not have.
    public var added: [Conflict] = []
    /// Conflicts of the draft that the change removes.
    public var resolved: [Conflict] = []
    /// True for facts (a plan, calendars, answers, availability): they are recorded whatever conflicts they
    /// bring, which are listed and kept in the audit log. Other changes are refused when they
    /// add a conflict, unless forced.
    public var recordsFacts = false
    /// What the change does beyond moving sessions, in words, e.g. `pinned "Opening" (s-opening) to …`.
    public var notes: [String] = []
    /// Why nothing would change, said when the change saves nothing.
    public var unchanged = "no change"

    /// A change that changes nothing yet; the parts are filled in as it is worked out.
    public init(command: String, basedOn: Int?) {
        self.command = command
        self.basedOn = basedOn
    }

    /// True when saving it would change nothing stored.
    public var isEmpty: Bool {
        schedule == nil && pin == nil && plan == nil && answers.isEmpty && held.isEmpty && settles == nil && availability.isEmpty
            && liveCalendars.isEmpty
    }

    /// Records which conflicts the change adds and removes.
    mutating func judge(before: [Conflict], after: [Conflict]) {
        conflicts = after
        added = ConflictFinder.added(after, comparedTo: before)
        resolved = ConflictFinder.added(before, comparedTo: after)
    }

    /// Throws `ChangeRefused` when the change adds conflicts, is not a fact and is not forced.
    public func check(force: Bool) throws {
        if !recordsFacts && !added.isEmpty && !force { throw ChangeRefused(conflicts: added, notes: notes) }
    }

    /// What the audit log keeps of the change: the diff, what else it did, and any conflicts accepted.
    public func detail(_ text: ScheduleText) -> String {
        // A first schedule places everything: the version's counts say it better than a line per session.
        var parts = (basedOn == nil ? [] : diff.lines(text)) + notes
        if parts.isEmpty && schedule != nil { parts = ["no session changes"] }
        if !added.isEmpty {
            parts.append((recordsFacts ? "brings conflicts: " : "accepted conflicts: ")
                + added.map(\.description).joined(separator: " | "))
        }
        return parts.joined(separator: "; ")
    }
}

/// A change refused because it would add conflicts; `--force` accepts it.
public struct ChangeRefused: Error, CustomStringConvertible, Equatable {
    /// The conflicts the change would add.
    public var conflicts: [Conflict]
    /// What the change would have done beyond moving sessions, e.g. the version an undo restores.
    public var notes: [String]

    /// A refusal naming `conflicts`, and what the change was (`notes`).
    public init(conflicts: [Conflict], notes: [String] = []) {
        self.conflicts = conflicts
        self.notes = notes
    }

    public var description: String {
        let change = notes.isEmpty ? "the change" : "the change (\(notes.joined(separator: "; ")))"
        return (["error: refused: \(change) adds \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"):"]
            + conflicts.map { "  \($0)" } + ["nothing was saved; use --force to accept it and record the conflict"])
            .joined(separator: "\n")
    }
}
