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

    /// The weights of the soft score, by soft term name (`optionalConflict`, `moved` …);
    /// a term not given takes the rule book's default.
    public struct Weights: Sendable, Hashable {
        /// The weights given explicitly.
        public var given: [String: Int]

        /// Weights with some terms set; the rest take their defaults.
        public init(_ given: [String: Int] = [:]) { self.given = given }

        /// The weight in force for a soft term.
        public subscript(term: String) -> Int {
            get { given[term] ?? RuleBook.defaultWeight(of: term) }
            set { given[term] = newValue }
        }

        /// Every weight in force: each term of the rule book, and any other term given.
        public var inForce: [String: Int] {
            Dictionary(uniqueKeysWithValues: RuleBook.soft.map { ($0.name, self[$0.name]) }).merging(given) { a, _ in a }
        }

        /// Equal when every weight in force is equal, whether given or by default.
        public static func == (a: Weights, b: Weights) -> Bool { a.inForce == b.inForce }

        public func hash(into h: inout Hasher) { h.combine(inForce) }
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
