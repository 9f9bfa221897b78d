import Foundation
import NIOCore

/// The feed server cannot start or serve.
public struct ServerError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "serve: \(message)" }

    /// Binding failed: says which address and why, in words (not NIO's `bind(descriptor:ptr:bytes:)`).
    static func cannotListen(host: String, port: Int, _ error: any Error) -> ServerError {
        let reason: String
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: reason = "the address is already in use (is another server running there? choose another --port)"
            case EACCES: reason = "permission denied (ports below 1024 need privileges; choose another --port)"
            case EADDRNOTAVAIL: reason = "this machine has no such address (check --host)"
            default: reason = String(cString: strerror(io.errnoCode))
            }
        } else {
            reason = "\(error)"
        }
        return ServerError("cannot listen on \(host):\(port): \(reason)")
    }
}
