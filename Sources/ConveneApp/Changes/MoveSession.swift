public import ConveneCore

/// Puts a session in a room at a start, scheduling it if it was not.
public struct MoveSession: Change {
    /// The session's id.
    public var session: String
    /// The room's id; nil keeps the room the draft has the session in.
    public var room: String?
    /// The new start as a wall-clock time in the event's zone.
    public var start: LocalDateTime

    /// A move of `session` to `room` (nil: the room it is in) at `start`.
    public init(session: String, room: String?, start: LocalDateTime) {
        self.session = session
        self.room = room
        self.start = start
    }

    public var command: String { "move" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        _ = try current.requireDraft()
        var edit = current.edit
        let room: String
        if let given = self.room {
            room = given
        } else {
            // A session not on the schedule has no room to keep: the admin must name one.
            guard let placed = edit.assignments.first(where: { $0.session == session }) else {
                guard current.event.session(session) != nil else { throw AppError("no session '\(session)' in the plan") }
                throw AppError("\(current.text.session(session)) is not scheduled: give --room to place it")
            }
            room = placed.room
        }
        try edit.move(session, room: room, start: current.instant(start))
        var change = current.propose(edit.assignments, command: command)
        change.unchanged = "no change: \(current.text.session(session)) is already in \(current.text.place(try edit.placement(of: session)))"
        return change
    }
}

extension CurrentSchedule {
    /// A wall-clock time read in the event's zone.
    func instant(_ local: LocalDateTime) -> Instant {
        ZoneRules(identifier: event.timeZone)?.instant(local) ?? Instant(secondsSinceEpoch: local.secondsSinceEpoch(utcOffset: 0))
    }
}
