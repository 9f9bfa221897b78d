/// A room sessions can be held in.
public struct Room: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var capacity: Int
    /// What the room offers, e.g. `wheelchair`, `interpretation`, `hearing-loop`, `streaming`.
    public var features: [String]
    /// Periods the room cannot be used.
    public var closures: [Interval]

    public init(id: String, name: LocalizedText, capacity: Int, features: [String] = [], closures: [Interval] = []) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.features = features
        self.closures = closures
    }
}
