import ConveneCore
import PostgresNIO

/// "A publish happened": what a `serve` listens for, so a publish made through another server or the
/// CLI is served within a second.
extension PostgresLink {
    /// The channel publishes are announced on.
    static let publishChannel = "convene_publish"

    /// Tells every listener that `release` was published (delivered when the caller's transaction
    /// commits, or at once outside one).
    func announcePublish(release: Int64) async throws {
        try await rows("SELECT pg_notify(\(Self.publishChannel), \(String(release)))")
    }

    /// Calls `body` with each release announced on this connection, until `body` returns false;
    /// `listening` is called first, once the database will tell of the next announcement.
    func listenForPublishes(listening: () async -> Void = {}, _ body: (Int64) async throws -> Bool) async throws {
        do {
            try await connection.listen(on: Self.publishChannel) { notifications in
                await listening()
                for try await n in notifications {
                    guard let release = Int64(n.payload) else { continue }
                    if try await !body(release) { return }
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Self.describe(error, address: address)
        }
    }
}
