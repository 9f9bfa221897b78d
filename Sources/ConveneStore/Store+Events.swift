public import ConveneCore
import Foundation

/// One event of the store, as an index of events lists it.
public struct EventSummary: Sendable, Hashable, Codable {
    /// The event's id, as its plan names it.
    public var id: String
    /// The event's name.
    public var name: LocalizedText
    /// The event's IANA time zone.
    public var timeZone: String
    /// Its first day; nil for a plan with no days.
    public var firstDay: LocalDate?
    /// Its last day; nil for a plan with no days.
    public var lastDay: LocalDate?
    /// Where it takes place, when the plan says.
    public var venue: Venue?
    /// The organizer's name.
    public var organizer: String

    /// A summary as the store reads it from the event's plan.
    public init(id: String, name: LocalizedText, timeZone: String, firstDay: LocalDate?, lastDay: LocalDate?, venue: Venue?,
                organizer: String) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.venue = venue
        self.organizer = organizer
    }
}

extension Store {
    /// Every event the store holds, by id.
    public func events() throws -> [EventSummary] {
        try read { db in
            try EventRecord.fetchAll(db, sql: "SELECT * FROM event ORDER BY id").map { r in
                let e = try JSONDecoder().decode(Event.self, from: Data(r.data.utf8))
                let days = e.days.map(\.date)
                return EventSummary(id: r.id, name: e.name, timeZone: e.timeZone, firstDay: days.min(), lastDay: days.max(),
                                    venue: e.venue, organizer: e.organizer.name)
            }
        }
    }

    /// The events in which a person is in the current plan (not removed), by id: a person keeps
    /// one id, so this is every event their feed and page cover.
    public func events(of personID: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT event_id FROM person WHERE id = ? AND removed_at IS NULL ORDER BY event_id",
                                arguments: [personID])
        }
    }

    /// The event this store works on, read inside `db`: the one it is scoped to, else the file's
    /// only event; nil when it holds none. The one place an unscoped store on several events refuses.
    func scope(_ db: SQLDatabase) throws -> String? {
        if let eventID { return eventID }
        let held = try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY id")
        guard held.count <= 1 else {
            throw StoreError("the store holds \(held.count) events: \(held.joined(separator: ", ")); give --event ID")
        }
        return held.first
    }

    /// The event a write goes to, which must be stored: throws when nothing was imported yet or the
    /// store is scoped to an event it does not hold.
    func writeScope(_ db: SQLDatabase) throws -> String {
        guard let event = try scope(db) else {
            throw StoreError("no event in \(path) yet (run `convene import PLAN` first)")
        }
        if eventID != nil, try EventRecord.fetchOne(db, key: [event]) == nil {
            let held = try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY id")
            throw StoreError("the store holds no event '\(event)'"
                + (held.isEmpty ? "" : "; it holds \(held.joined(separator: ", "))"))
        }
        return event
    }

    /// The condition that keeps a table's rows of this store's event, and with `orStoreWide` those of
    /// no event, with its argument: the one filter every per-event query goes through. `table` names
    /// the table (or its alias) when the query joins others.
    func inEvent(_ db: SQLDatabase, orStoreWide: Bool = false, table: String? = nil) throws -> (sql: String, arguments: SQLArguments) {
        let column = table.map { "\($0).event_id" } ?? "event_id"
        let event = try scope(db)
        return (orStoreWide ? "(\(column) = ? OR \(column) IS NULL)" : "\(column) = ?", [event])
    }
}
