public import ConveneCore

/// Keeps a session where it is, or moves it first and keeps it there: rescheduling leaves it
/// alone and the pin outlives re-imports of the plan.
public struct PinSession: Change {
    /// The session's id.
    public var session: String
    /// Where to move it first; both or neither.
    public var room: String?
    /// The start there, a wall-clock time in the event's zone.
    public var start: LocalDateTime?

    /// A pin where the session is, or at `room` and `start` when both are given.
    public init(session: String, room: String? = nil, start: LocalDateTime? = nil) {
        self.session = session
        self.room = room
        self.start = start
    }

    public var command: String { "pin" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        _ = try current.requireDraft()
        var edit = current.edit
        if let room, let start { try edit.move(session, room: room, start: current.instant(start)) }
        let place = try edit.placement(of: session)
        let pin = Session.Pin(room: place.room, start: place.start)
        // The new pin replaces any earlier one, so judge the change with it in force.
        var judged = current
        judged.pins[session] = pin
        judged.event = judged.plan.applying(pins: judged.pins)
        var change = judged.propose(edit.assignments, command: command)
        // The old place broke the new pin only because the pin is judged in force already.
        change.resolved.removeAll { $0.kind == .pinMoved && $0.sessions == [session] }
        let where_ = "\(current.text.session(session)) to \(current.text.place(place))"
        if current.pins[session] != pin { change.pin = .pin(session: session, room: place.room, start: place.start) }
        change.notes = ["pinned \(where_)"]
        change.unchanged = "no change: \(current.text.session(session)) is already pinned to \(current.text.place(place))"
        return change
    }
}
