public import ConveneStore

/// The events one store holds, as the server and the commands see them across events: their ids and
/// index entries, the events a person is in, and the store scoped to one of them.
public struct EventDirectory: Sendable {
    /// The whole store.
    public let store: Store

    /// The events in `store`.
    public init(store: Store) { self.store = store }

    /// The ids of the events held, in order; empty before the first import.
    public func ids() throws -> [String] { try store.eventIDs() }

    /// Each event's name, days, place and organizer, for an index.
    public func summaries() throws -> [EventSummary] { try store.events() }

    /// The events a person takes part in (is in the current plan of), by id.
    public func events(of person: String) throws -> [String] { try store.events(of: person) }

    /// The same database working on one event: every per-event read and write then concerns it.
    public func scoped(to eventID: String) -> Store { store.scoped(to: eventID) }
}
