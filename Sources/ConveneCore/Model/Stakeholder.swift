/// The kind of organization a stakeholder speaks for.
public enum StakeholderGroup: String, Sendable, Hashable, Codable, CaseIterable {
    case patient, industry, government, academia, clinician, other
}

/// A person who takes part in sessions.
public struct Stakeholder: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Empty when the plan gives none: the person then gets no mail.
    public var email: String
    public var organization: String?
    public var group: StakeholderGroup
    public var role: String?
    /// IANA zone the person lives in: mail shows times there too.
    public var timeZone: String
    public var language: Language
    /// Periods the plan itself marks as unavailable.
    public var unavailable: [Interval]
    /// Calendar files (relative to the plan) whose busy times make the person unavailable.
    public var calendars: [String]
    /// What the plan says about naming the person in public (the programme, schedule exports):
    /// nil when it says nothing.
    public var listed: Bool?
    /// True when the person joins online from where they live (`timeZone`) rather than in person; nil means in person.
    public var remote: Bool?
    /// The hours the person can and would rather take part in, read in the zone they are in during the
    /// event (their own when remote, the event's otherwise); nil when any time the event is open will do.
    public var hours: Instance.Hours?

    public init(
        id: String, name: String, email: String, organization: String? = nil, group: StakeholderGroup,
        role: String? = nil, timeZone: String, language: Language, unavailable: [Interval] = [], calendars: [String] = [],
        listed: Bool? = nil, remote: Bool? = nil, hours: Instance.Hours? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.organization = organization
        self.group = group
        self.role = role
        self.timeZone = timeZone
        self.language = language
        self.unavailable = unavailable
        self.calendars = calendars
        self.listed = listed
        self.remote = remote
        self.hours = hours
    }

    /// True when public outputs may name the person: as the plan says, else everyone but patients,
    /// who are named only to the people in their own sessions unless they agree to be listed.
    public var isPublic: Bool { listed ?? (group != .patient) }
}
