/// What kind of gathering an event is.
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case forum, symposium, seminarSeries = "seminar-series", meetingDay = "meeting-day"
}

/// One day of an event with its opening hours.
public struct EventDay: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var opens: Instant
    public var closes: Instant

    public init(date: LocalDate, opens: Instant, closes: Instant) {
        self.date = date
        self.opens = opens
        self.closes = closes
    }

    /// The opening hours as an interval.
    public var hours: Interval { Interval(start: opens, end: closes) }
}

/// Who sends invitations and answers questions.
public struct Organizer: Sendable, Hashable, Codable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// A forum, symposium, seminar series or meeting day, with everything in its plan.
public struct Event: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var kind: EventKind
    /// IANA zone the event takes place in.
    public var timeZone: String
    public var slotMinutes: Int
    public var days: [EventDay]
    public var organizer: Organizer
    public var rooms: [Room]
    public var stakeholders: [Stakeholder]
    public var sessions: [Session]
    public var weights: Instance.Weights
    /// Mail template overrides by name (e.g. `invitation.ja`), as Mustache text.
    public var templates: [String: String]
    /// Where it takes place; nil when the plan does not say.
    public var venue: Venue?
    /// Tracks the plan names; a session's track missing here is shown by its id.
    public var tracks: [Track]
    /// Features the plan declares beyond `Feature.builtIn`, with their names.
    public var features: [Feature]
    /// Times every room is closed, such as lunch, one entry per day they fall on; nil when there are none.
    public var breaks: [EventBreak]?
    /// Sessions that follow one another with a cadence (a weekly seminar, say); nil when there are none.
    public var series: [SessionSeries]?
    /// Sets of people of whom at most one may take part (required or picked) in any one session, such
    /// as a conflict of interest; nil when there are none.
    public var apart: [[String]]?

    public init(
        id: String, name: LocalizedText, kind: EventKind, timeZone: String, slotMinutes: Int, days: [EventDay],
        organizer: Organizer, rooms: [Room], stakeholders: [Stakeholder], sessions: [Session],
        weights: Instance.Weights = .init(), templates: [String: String] = [:], venue: Venue? = nil,
        tracks: [Track] = [], features: [Feature] = [], breaks: [EventBreak]? = nil, series: [SessionSeries]? = nil,
        apart: [[String]]? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.timeZone = timeZone
        self.slotMinutes = slotMinutes
        self.days = days
        self.organizer = organizer
        self.rooms = rooms
        self.stakeholders = stakeholders
        self.sessions = sessions
        self.weights = weights
        self.templates = templates
        self.venue = venue
        self.tracks = tracks
        self.features = features
        self.breaks = breaks
        self.series = series
        self.apart = apart
    }

    /// The stakeholder with this id.
    public func stakeholder(_ id: String) -> Stakeholder? { stakeholders.first { $0.id == id } }
    /// The room with this id.
    public func room(_ id: String) -> Room? { rooms.first { $0.id == id } }
    /// The session with this id.
    public func session(_ id: String) -> Session? { sessions.first { $0.id == id } }
    /// The track with this id, named by its id when the plan does not list it.
    public func track(_ id: String) -> Track { tracks.first { $0.id == id } ?? Track(id: id, name: LocalizedText(en: id)) }
    /// A feature the plan declares or Convene knows; any other is named by its id, per room.
    public func feature(_ id: String) -> Feature {
        features.first { $0.id == id } ?? Feature.builtIn.first { $0.id == id } ?? Feature(id: id, name: LocalizedText(en: id))
    }

    /// Reads events stored before venue, tracks, features, breaks, series and apart sets existed as having none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(LocalizedText.self, forKey: .name)
        kind = try c.decode(EventKind.self, forKey: .kind)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        slotMinutes = try c.decode(Int.self, forKey: .slotMinutes)
        days = try c.decode([EventDay].self, forKey: .days)
        organizer = try c.decode(Organizer.self, forKey: .organizer)
        rooms = try c.decode([Room].self, forKey: .rooms)
        stakeholders = try c.decode([Stakeholder].self, forKey: .stakeholders)
        sessions = try c.decode([Session].self, forKey: .sessions)
        weights = try c.decode(Instance.Weights.self, forKey: .weights)
        templates = try c.decode([String: String].self, forKey: .templates)
        venue = try c.decodeIfPresent(Venue.self, forKey: .venue)
        tracks = try c.decodeIfPresent([Track].self, forKey: .tracks) ?? []
        features = try c.decodeIfPresent([Feature].self, forKey: .features) ?? []
        breaks = try c.decodeIfPresent([EventBreak].self, forKey: .breaks)
        series = try c.decodeIfPresent([SessionSeries].self, forKey: .series)
        apart = try c.decodeIfPresent([[String]].self, forKey: .apart)
    }
}

