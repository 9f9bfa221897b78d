/// A room sessions can be held in.
public struct Room: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var capacity: Int
    /// What the room offers, e.g. `wheelchair`, `interpretation`, `hearing-loop`, `streaming`.
    public var features: [String]
    /// Periods the room cannot be used.
    public var closures: [Interval]
    /// Where people join sessions held here remotely, unless a session has its own link.
    public var online: OnlineLink?
    /// Minutes the room needs between one session's end and the next one's start (changeover); nil for none.
    public var turnover: Int?

    public init(
        id: String, name: LocalizedText, capacity: Int, features: [String] = [], closures: [Interval] = [],
        online: OnlineLink? = nil, turnover: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.features = features
        self.closures = closures
        self.online = online
        self.turnover = turnover
    }
}
