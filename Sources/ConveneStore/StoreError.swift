/// Why the database could not do what was asked; nothing was changed.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public var message: String
    /// True when another process saved a schedule version while the change was worked out: the
    /// same change, worked out again, may well succeed.
    public var isStale: Bool

    public init(_ message: String, isStale: Bool = false) {
        self.message = message
        self.isStale = isStale
    }

    public var description: String { "database: \(message)" }
}
