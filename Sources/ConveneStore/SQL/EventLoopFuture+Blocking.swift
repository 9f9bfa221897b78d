import Foundation
import NIOCore

extension EventLoopFuture {
    /// Waits for the result on the calling thread, which may be another event loop's (the HTTP server
    /// answers from the database on its own loops, as it does from an SQLite file).
    ///
    /// NIO's `wait()` refuses every event loop thread, to catch a loop waiting for itself; here the
    /// future's loop is always one of `PostgresBackend.group`'s, which never runs store calls, so the
    /// only wait that could never end is refused the same way.
    func waitForStore() throws -> Value {
        precondition(!eventLoop.inEventLoop, "a store call on the PostgreSQL connections' own event loop")
        let done = DispatchSemaphore(value: 0)
        let outcome = ResultBox<Value>()
        whenComplete { result in
            outcome.set(result)
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }
}

/// The result one waiting thread hands to another; the semaphore orders the write before the read.
private final class ResultBox<Value>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    func set(_ r: Result<Value, any Error>) { result = r }
    func get() throws -> Value { try result!.get() }
}
