/// What sort of session it is; decides nothing by itself but shows in agendas.
public enum SessionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case plenary, symposium, seminar, meeting, workshop, panel, poster, social
}

/// "At least one required participant from each of these groups."
public struct CompositionRule: Sendable, Hashable, Codable {
    public var groups: [StakeholderGroup]

    public init(groups: [StakeholderGroup]) { self.groups = groups }

    /// The groups the given participants leave uncovered.
    public func missingGroups(among participants: [Stakeholder]) -> [StakeholderGroup] {
        let present = Set(participants.map(\.group))
        return groups.filter { !present.contains($0) }
    }
}

/// A session the organizers want placed.
public struct Session: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var kind: SessionKind
    /// Minutes.
    public var duration: Int
    public var required: [String]
    public var optional: [String]
    public var audience: Int
    public var features: [String]
    public var windows: [Interval]
    public var preferred: [Interval]
    public var after: [String]
    public var priority: Int
    public var pin: Pin?
    public var track: String?
    public var description: LocalizedText?
    public var composition: [CompositionRule]
    /// Where people join it remotely; nil to use its room's link.
    public var online: OnlineLink?
    /// Where and when an earlier schedule (e.g. one imported from pretalx) had it: the solver
    /// keeps it there unless a rule forces a move. Not a pin.
    public var previously: Pin?
    /// True when nothing else may run anywhere while it does (a plenary); nil means false.
    public var exclusive: Bool?
    /// Groups of candidates the schedule takes people from, `count` from each; nil when there are none.
    public var pick: [Instance.Pick]?
    /// "At most N participants from this group"; nil when there are none.
    public var limits: [CompositionLimit]?
    /// What the schedule it was imported from said of it; nil for a session written in the plan.
    public var origin: Origin?

    public init(
        id: String, title: LocalizedText, kind: SessionKind, duration: Int, required: [String] = [],
        optional: [String] = [], audience: Int = 0, features: [String] = [], windows: [Interval] = [],
        preferred: [Interval] = [], after: [String] = [], priority: Int = 1, pin: Pin? = nil,
        track: String? = nil, description: LocalizedText? = nil, composition: [CompositionRule] = [],
        online: OnlineLink? = nil, previously: Pin? = nil, exclusive: Bool? = nil, pick: [Instance.Pick]? = nil,
        limits: [CompositionLimit]? = nil, origin: Origin? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.duration = duration
        self.required = required
        self.optional = optional
        self.audience = audience
        self.features = features
        self.windows = windows
        self.preferred = preferred
        self.after = after
        self.priority = priority
        self.pin = pin
        self.track = track
        self.description = description
        self.composition = composition
        self.online = online
        self.previously = previously
        self.exclusive = exclusive
        self.pick = pick
        self.limits = limits
        self.origin = origin
    }

    /// A room and a start: where a pinned session must be held, or where a session was before.
    public struct Pin: Sendable, Hashable, Codable {
        public var room: String
        public var start: Instant

        public init(room: String, start: Instant) {
            self.room = room
            self.start = start
        }
    }
}
