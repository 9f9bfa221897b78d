/// Where an event takes place, as the programme shows it.
public struct Venue: Sendable, Hashable, Codable {
    /// The venue's name.
    public var name: LocalizedText
    /// Its postal address.
    public var address: LocalizedText?
    /// A link to a map of the venue (http or https).
    public var map: String?

    public init(name: LocalizedText, address: LocalizedText? = nil, map: String? = nil) {
        self.name = name
        self.address = address
        self.map = map
    }
}
