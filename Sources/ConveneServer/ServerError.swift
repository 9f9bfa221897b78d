/// The feed server cannot start or serve.
public struct ServerError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "serve: \(message)" }
}
