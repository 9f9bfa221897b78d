/// Why the database could not do what was asked; nothing was changed.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "database: \(message)" }
}
