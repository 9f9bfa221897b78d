/// One scheduling problem in the neutral `convene-instance/1` form.
///
/// Plans and calendars compile down to this; the solver, the validator and the
/// benchmarks all read it. Field meanings are those of the format document.
public struct Instance: Sendable, Hashable {
    /// The format tag every instance carries.
    public static let format = "convene-instance/1"

    public var name: String
    public var slotMinutes: Int
    public var days: [Interval]
    public var rooms: [Room]
    public var people: [Person]
    public var sessions: [Session]
    public var previous: [Assignment]
    public var weights: Weights

    /// Creates an instance.
    public init(
        name: String, slotMinutes: Int = 15, days: [Interval], rooms: [Room], people: [Person],
        sessions: [Session], previous: [Assignment] = [], weights: Weights = Weights()
    ) {
        self.name = name
        self.slotMinutes = slotMinutes
        self.days = days
        self.rooms = rooms
        self.people = people
        self.sessions = sessions
        self.previous = previous
        self.weights = weights
    }

    /// A room of the instance.
    public struct Room: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var capacity: Int
        public var features: [String]
        public var unavailable: [Interval]

        public init(id: String, name: String? = nil, capacity: Int, features: [String] = [], unavailable: [Interval] = []) {
            self.id = id
            self.name = name
            self.capacity = capacity
            self.features = features
            self.unavailable = unavailable
        }
    }

    /// A person who may be required or optional in sessions.
    public struct Person: Sendable, Hashable {
        public var id: String
        public var group: String?
        public var unavailable: [Interval]

        public init(id: String, group: String? = nil, unavailable: [Interval] = []) {
            self.id = id
            self.group = group
            self.unavailable = unavailable
        }
    }

    /// A session to place.
    public struct Session: Sendable, Hashable {
        public var id: String
        public var duration: Int
        public var audience: Int
        public var required: [String]
        public var optional: [String]
        public var features: [String]
        public var windows: [Interval]
        public var preferred: [Interval]
        public var after: [String]
        public var priority: Int
        public var fixed: Placement?

        public init(
            id: String, duration: Int, audience: Int = 0, required: [String] = [], optional: [String] = [],
            features: [String] = [], windows: [Interval] = [], preferred: [Interval] = [], after: [String] = [],
            priority: Int = 1, fixed: Placement? = nil
        ) {
            self.id = id
            self.duration = duration
            self.audience = audience
            self.required = required
            self.optional = optional
            self.features = features
            self.windows = windows
            self.preferred = preferred
            self.after = after
            self.priority = priority
            self.fixed = fixed
        }
    }

    /// A room and a start: where a pinned session must be.
    public struct Placement: Sendable, Hashable, Codable {
        public var room: String
        public var start: Instant

        public init(room: String, start: Instant) {
            self.room = room
            self.start = start
        }
    }

    /// The weights of the soft score.
    public struct Weights: Sendable, Hashable {
        public var optionalConflict: Int
        public var optionalUnavailable: Int
        public var preference: Int
        public var moved: Int

        public init(optionalConflict: Int = 1, optionalUnavailable: Int = 1, preference: Int = 1, moved: Int = 5) {
            self.optionalConflict = optionalConflict
            self.optionalUnavailable = optionalUnavailable
            self.preference = preference
            self.moved = moved
        }
    }
}

/// One session placed in a room at a start.
public struct Assignment: Sendable, Hashable, Codable {
    public var session: String
    public var room: String
    public var start: Instant

    public init(session: String, room: String, start: Instant) {
        self.session = session
        self.room = room
        self.start = start
    }
}
