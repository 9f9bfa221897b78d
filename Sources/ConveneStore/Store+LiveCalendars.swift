public import ConveneCore

/// A live calendar saved with a change: set (the address, the busy times and the state) or removed.
public struct LiveCalendarWrite: Sendable, Hashable {
    public var person: String
    /// The calendar to store; nil removes the person's calendar.
    public var calendar: LiveCalendar?

    public init(person: String, calendar: LiveCalendar?) {
        self.person = person
        self.calendar = calendar
    }
}

extension Store {
    /// Every person's live calendar, by person id: of the people of the event a scoped store works on,
    /// else of everyone (a live calendar is a person's across events).
    public func liveCalendars() throws -> [String: LiveCalendar] {
        try read { db in
            var out: [String: LiveCalendar] = [:]
            // A scoped store keeps its event's people; an unscoped one, everyone.
            let (filter, arguments): (String, SQLArguments) = eventID.map {
                ("WHERE EXISTS (SELECT 1 FROM person p WHERE p.event_id = ? AND p.id = c.person_id)", [$0])
            } ?? ("", [])
            let rows = try LiveCalendarRecord.fetchAll(db, sql: """
                SELECT * FROM live_calendar c
                \(filter)
                ORDER BY person_id
                """, arguments: arguments)
            for r in rows { out[r.personId] = try r.value() }
            return out
        }
    }

    /// Stores how a fetch went without touching the busy times, and only while the person's address
    /// is still `address` (one changed meanwhile keeps its own state). Not a fact: it raises no revision
    /// and writes no audit entry, since nothing the schedule reads changed. True when a row was updated.
    @discardableResult
    public func updateLiveCalendarState(person: String, address: String, _ state: LiveCalendar.FetchState) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                UPDATE live_calendar SET fetched_at = ?, changed_at = ?, etag = ?, last_modified = ?, error = ?, failures = ?
                WHERE person_id = ? AND address = ?
                """, arguments: [state.fetchedAt, state.changedAt, state.etag, state.lastModified, state.error, state.failures,
                                 person, address])
            return db.changesCount > 0
        }
    }

    /// Writes live calendars inside a caller's transaction (`save`): each replaces or removes the person's
    /// row. Returns the events the people are in, whose facts changed with them.
    func write(_ calendars: [LiveCalendarWrite], _ db: SQLDatabase) throws -> Set<String> {
        var events: Set<String> = []
        for w in calendars {
            events.formUnion(try String.fetchAll(db, sql: "SELECT event_id FROM person WHERE id = ?", arguments: [w.person]))
            if let c = w.calendar {
                try requirePerson(c.person, db, allowRemoved: true)
                try LiveCalendarRecord(c).save(db)
            } else {
                try db.execute(sql: "DELETE FROM live_calendar WHERE person_id = ?", arguments: [w.person])
            }
        }
        return events
    }
}
