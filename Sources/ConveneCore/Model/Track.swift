/// A named strand of the programme that sessions belong to, e.g. policy or care.
public struct Track: Sendable, Hashable, Codable, Identifiable {
    /// What sessions name in `track:`.
    public var id: String
    /// The name shown to people; the id when the plan gives none.
    public var name: LocalizedText
    /// A colour for programmes and schedule apps, `#rrggbb`.
    public var color: String?

    public init(id: String, name: LocalizedText, color: String? = nil) {
        self.id = id
        self.name = name
        self.color = color
    }
}
