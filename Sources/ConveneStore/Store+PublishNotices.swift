import NIOCore
import PostgresNIO

/// "A publish happened", told by PostgreSQL to every server on the database as the publish commits,
/// so that a publish made elsewhere (another server, the CLI) is served at once. On SQLite a server
/// learns of it from the change stamp it reads (`changeStamp()`), as of every other change.
extension Store {
    /// True when the database tells listeners of each publish as it commits (PostgreSQL).
    public var announcesPublishes: Bool { dialect == .postgres }

    /// Announces `release` inside the publish's own transaction: PostgreSQL delivers the notification
    /// when that transaction commits, and never when it rolls back. Nothing on SQLite.
    func announcePublish(_ db: SQLDatabase, release: Int64) throws {
        guard db.dialect == .postgres else { return }
        // As text: the store reads every value it is sent, and has no use for `void`.
        try db.execute(sql: "SELECT CAST(pg_notify(?, ?) AS TEXT)", arguments: [PostgresLink.publishChannel, String(release)])
    }

    /// Listens, on a connection of its own, for the publishes of every process on this database:
    /// `listening` is called once the database will tell of the next one (what was published before
    /// may have been missed: read it then), and `heard` with each release's number after that.
    ///
    /// Returns at once on SQLite, and when the task is cancelled; throws when the connection cannot
    /// be made or is lost (a caller that listens again calls `listening` again).
    public func listenForPublishes(listening: @Sendable () async -> Void, heard: @Sendable (Int64) async -> Void) async throws {
        guard let backend = backend as? PostgresBackend else { return }
        let link = try await PostgresLink.open(backend.address)
        do {
            try await withTaskCancellationHandler {
                try await link.listenForPublishes(listening: listening) { release in
                    await heard(release)
                    return true
                }
            } onCancel: {
                // Ends the wait for the next notification: closing the connection ends its sequence.
                let connection = link.connection
                connection.close().whenComplete { _ in _ = connection }
            }
        } catch {
            await link.close()
            if Task.isCancelled { return }
            throw error
        }
        await link.close()
        if !Task.isCancelled { throw StoreError("the connection listening for publishes to \(backend.address) was closed") }
    }
}
