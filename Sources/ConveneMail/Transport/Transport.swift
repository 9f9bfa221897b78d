/// Somewhere messages can be handed to: a folder, an SMTP server.
public protocol Transport {
    /// Hands one message over; returns only once it was accepted, throws `TransportFailure` otherwise.
    func send(_ message: Envelope, from sender: String) throws
    /// Called once after a run, e.g. to close a connection.
    func finish()
}

extension Transport {
    public func finish() {}
}

/// Why a message was not accepted, and whether trying again may help.
public struct TransportFailure: Error, CustomStringConvertible {
    /// True for answers that will not change (SMTP 5xx, a bad address); false for timeouts, 4xx, lost connections.
    public var permanent: Bool
    public var message: String

    public init(permanent: Bool, _ message: String) {
        self.permanent = permanent
        self.message = message
    }

    public var description: String { (permanent ? "permanent failure: " : "temporary failure: ") + message }
}
