@testable import ConveneServer
import Foundation
import ServiceLifecycle

/// A feed server on 127.0.0.1 on a free port, for the length of one test.
struct RunningServer {
    let client: HTTPClient

    /// Starts the server, runs `body` against it, then stops it and waits until it has stopped.
    static func with<T>(
        _ server: FeedServer, _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let service = try server.service { port in continuation.yield(port) }
        let task = Task { try await service.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ClientError("server did not start") }
        defer { task.cancel() }
        let client = HTTPClient(port: port)
        let result = try await body(client)
        task.cancel()
        _ = await task.result
        return result
    }
}
