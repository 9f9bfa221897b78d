/// Why the database could not do what was asked; nothing was changed.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public var message: String
    /// True when another process saved a schedule version while the change was worked out: the
    /// same change, worked out again, may well succeed.
    public var isStale: Bool
    /// True when the file is empty: nothing was ever imported into it.
    public var holdsNothing: Bool

    public init(_ message: String, isStale: Bool = false, holdsNothing: Bool = false) {
        self.message = message
        self.isStale = isStale
        self.holdsNothing = holdsNothing
    }

    public var description: String { "database: \(message)" }
}
