/// Sessions held one after another with a cadence, such as a weekly seminar.
///
/// The plan expands a series into its sessions and the days it meets on; this keeps what the
/// schedule must hold across them: their order and how many days apart they start.
public struct SessionSeries: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText?
    /// Session ids, in the order they take place.
    public var sessions: [String]
    /// Fewest days between the local dates of consecutive sessions.
    public var minDaysApart: Int
    /// Most days between the local dates of consecutive sessions; nil for no limit.
    public var maxDaysApart: Int?

    public init(id: String, title: LocalizedText? = nil, sessions: [String], minDaysApart: Int = 1, maxDaysApart: Int? = nil) {
        self.id = id
        self.title = title
        self.sessions = sessions
        self.minDaysApart = minDaysApart
        self.maxDaysApart = maxDaysApart
    }
}
