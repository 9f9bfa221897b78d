/// The admin's hand edits of a schedule, as pure functions on its assignments.
///
/// Each checks that the sessions and rooms exist; whether the result is acceptable
/// is for `ConflictFinder` to say.
public struct ScheduleEdit: Sendable {
    public let event: Event
    public var assignments: [Assignment]

    /// Starts from a schedule's assignments for an event.
    public init(event: Event, assignments: [Assignment]) {
        self.event = event
        self.assignments = assignments
    }

    /// Puts a session in a room at a start, scheduling it if it was not. The people picked for it
    /// stay picked: whether they can come at the new time is for the rule book to say.
    public mutating func move(_ session: String, room: String, start: Instant) throws {
        try requireSession(session)
        guard event.room(room) != nil else {
            throw ScheduleEditError("no room '\(room)' in the plan; rooms: \(event.rooms.map(\.id).joined(separator: ", "))")
        }
        if let i = assignments.firstIndex(where: { $0.session == session }) {
            assignments[i].room = room
            assignments[i].start = start
        } else {
            assignments.append(Assignment(session: session, room: room, start: start))
        }
    }

    /// Exchanges the rooms and starts of two scheduled sessions.
    public mutating func swap(_ first: String, _ second: String) throws {
        guard first != second else { throw ScheduleEditError("cannot swap session '\(first)' with itself") }
        let i = try scheduledIndex(first), j = try scheduledIndex(second)
        (assignments[i].room, assignments[j].room) = (assignments[j].room, assignments[i].room)
        (assignments[i].start, assignments[j].start) = (assignments[j].start, assignments[i].start)
    }

    /// Takes a session off the schedule.
    public mutating func unschedule(_ session: String) throws {
        assignments.remove(at: try scheduledIndex(session))
    }

    /// Where a session is now; throws when it is unknown or not scheduled.
    public func placement(of session: String) throws -> Assignment {
        assignments[try scheduledIndex(session)]
    }

    private func requireSession(_ id: String) throws {
        guard event.session(id) != nil else { throw ScheduleEditError("no session '\(id)' in the plan") }
    }

    private func scheduledIndex(_ id: String) throws -> Int {
        try requireSession(id)
        guard let i = assignments.firstIndex(where: { $0.session == id }) else {
            throw ScheduleEditError("session '\(id)' is not scheduled")
        }
        return i
    }
}

/// An edit that names something the plan or schedule does not have.
public struct ScheduleEditError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "error: \(message)" }
}
