/// Something wrong with a schedule that an admin must see: a broken hard rule,
/// or a required participant who declined.
public struct Conflict: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of rule is broken.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case outsideDays = "outside-days"
        case offGrid = "off-grid"
        case roomTooSmall = "room-too-small"
        case missingFeature = "missing-feature"
        case roomDoubleBooked = "room-double-booked"
        case personDoubleBooked = "person-double-booked"
        case personUnavailable = "person-unavailable"
        case roomUnavailable = "room-unavailable"
        case outsideWindows = "outside-windows"
        case afterOrder = "after-order"
        case pinMoved = "pin-moved"
        case composition = "composition"
        case declined = "declined"
        case outsideHours = "outside-hours"
        case exclusiveClash = "exclusive-clash"
        case turnoverTooShort = "turnover-too-short"
        case pickUnmet = "pick-unmet"
        case apartTogether = "apart-together"
        case seriesCadence = "series-cadence"
    }

    public var kind: Kind
    public var sessions: [String]
    public var people: [String]
    public var rooms: [String]
    /// One line a person can act on.
    public var reason: String
    /// The rule's number in the instance format (`H1` …); nil for the plan's own rules.
    public var rule: String?

    public init(kind: Kind, sessions: [String], people: [String] = [], rooms: [String] = [], reason: String,
                rule: String? = nil) {
        self.kind = kind
        self.sessions = sessions
        self.people = people
        self.rooms = rooms
        self.reason = reason
        self.rule = rule
    }

    public var description: String { "\(kind.rawValue): \(reason)" }
}
