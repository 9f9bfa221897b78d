/// A time every room of the event is closed, such as lunch.
public struct EventBreak: Sendable, Hashable, Codable {
    public var interval: Interval
    /// What the break is for, as agendas show it (e.g. 昼食 / Lunch).
    public var name: LocalizedText?

    public init(interval: Interval, name: LocalizedText? = nil) {
        self.interval = interval
        self.name = name
    }
}
