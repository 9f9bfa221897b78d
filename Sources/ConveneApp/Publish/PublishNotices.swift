public import ConveneStore

/// Publishes made through the database by any process (another server, the CLI), heard as they
/// commit where the database tells of them (PostgreSQL's LISTEN/NOTIFY): what lets several servers on
/// one database serve a new release at once.
public struct PublishNotices: Sendable {
    let store: Store

    /// The publishes of `store`'s database.
    public init(store: Store) { self.store = store }

    /// True when the database tells of each publish (PostgreSQL); on SQLite a server follows the
    /// store's change stamp instead.
    public var areAnnounced: Bool { store.announcesPublishes }

    /// Listens on a connection of its own: `listening` once publishes will be heard (anything
    /// published before may have been missed), then `heard` with each release's number. Throws
    /// when the connection cannot be made or is lost; returns when the task is cancelled.
    public func listen(listening: @Sendable () async -> Void, heard: @Sendable (Int64) async -> Void) async throws {
        try await store.listenForPublishes(listening: listening, heard: heard)
    }
}
