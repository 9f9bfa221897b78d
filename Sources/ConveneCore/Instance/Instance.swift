/// One scheduling problem in the neutral `convene-instance/1` or `/2` form.
///
/// Plans and calendars compile down to this; the solver, the validator and the
/// benchmarks all read it. Field meanings are those of the format document; version 2
/// adds people's own hours, exclusive sessions, room turnover, picks from candidates,
/// people kept apart and series.
public struct Instance: Sendable, Hashable {
    /// The format tags, by version.
    public static func format(_ version: Int) -> String { "convene-instance/\(version)" }

    public var name: String
    /// The event's IANA zone: local dates and times of day of series are read in it (version 2).
    public var timeZone: String?
    public var slotMinutes: Int
    public var days: [Interval]
    public var rooms: [Room]
    public var people: [Person]
    public var sessions: [Session]
    public var previous: [Assignment]
    public var weights: Weights
    /// Sets of people of whom at most one may be a required or picked person of any one session (version 2).
    public var apart: [[String]]
    /// Sessions that follow one another with a cadence (version 2).
    public var series: [Series]
    /// The version the instance was read as; it is written as at least this, and as 2 when it uses version 2.
    public var version: Int

    /// Creates an instance.
    public init(
        name: String, timeZone: String? = nil, slotMinutes: Int = 15, days: [Interval], rooms: [Room], people: [Person],
        sessions: [Session], previous: [Assignment] = [], weights: Weights = Weights(), apart: [[String]] = [],
        series: [Series] = [], version: Int = 1
    ) {
        self.name = name
        self.timeZone = timeZone
        self.slotMinutes = slotMinutes
        self.days = days
        self.rooms = rooms
        self.people = people
        self.sessions = sessions
        self.previous = previous
        self.weights = weights
        self.apart = apart
        self.series = series
        self.version = version
    }

    /// True when the instance uses anything only version 2 has.
    public var usesVersion2: Bool {
        timeZone != nil || !apart.isEmpty || !series.isEmpty || rooms.contains { $0.turnover != 0 }
            || people.contains { $0.hours != nil || !$0.ifNeedBe.isEmpty } || sessions.contains { $0.exclusive || !$0.pick.isEmpty }
            || weights.given.keys.contains { !RuleBook.version1Terms.contains($0) }
    }

    /// The version it is written as.
    public var writtenVersion: Int { max(version, usesVersion2 ? 2 : 1) }

    /// A room of the instance.
    public struct Room: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var capacity: Int
        public var features: [String]
        public var unavailable: [Interval]
        /// Minutes that must separate one session's end from the next one's start (version 2).
        public var turnover: Int

        public init(id: String, name: String? = nil, capacity: Int, features: [String] = [], unavailable: [Interval] = [],
                    turnover: Int = 0) {
            self.id = id
            self.name = name
            self.capacity = capacity
            self.features = features
            self.unavailable = unavailable
            self.turnover = turnover
        }
    }

    /// A person who may be required, optional or picked in sessions.
    public struct Person: Sendable, Hashable {
        public var id: String
        public var group: String?
        public var unavailable: [Interval]
        /// The person's own hours in their own zone (version 2).
        public var hours: Hours?
        /// Times the person can come but would rather not, a poll's "if need be" (version 2): only the
        /// soft term `ifNeedBe` counts them.
        public var ifNeedBe: [Interval]

        public init(id: String, group: String? = nil, unavailable: [Interval] = [], hours: Hours? = nil,
                    ifNeedBe: [Interval] = []) {
            self.id = id
            self.group = group
            self.unavailable = unavailable
            self.hours = hours
            self.ifNeedBe = ifNeedBe
        }
    }

    /// A person's hours: wall-clock ranges in their own zone.
    public struct Hours: Sendable, Hashable {
        /// IANA zone the ranges are read in.
        public var zone: String
        /// A session must lie wholly inside this range on one local date (a hard rule).
        public var acceptable: ClockRange?
        /// A session should lie inside this range (a soft term).
        public var preferred: ClockRange?

        public init(zone: String, acceptable: ClockRange? = nil, preferred: ClockRange? = nil) {
            self.zone = zone
            self.acceptable = acceptable
            self.preferred = preferred
        }
    }

    /// A wall-clock range of one day, `["HH:MM", "HH:MM"]`; the end may be `24:00`.
    public struct ClockRange: Sendable, Hashable {
        /// Minutes after midnight.
        public var start: Int
        /// Minutes after midnight, at most 1440.
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// Reads `HH:MM` (with `24:00` allowed); nil otherwise.
        public static func minutes(_ text: String) -> Int? {
            let b = Array(text.utf8)
            guard b.count == 5, b[2] == UInt8(ascii: ":"), let h = Instant.twoDigits(b, 0), let m = Instant.twoDigits(b, 3),
                  m < 60, h < 24 || (h == 24 && m == 0) else { return nil }
            return h * 60 + m
        }

        /// `HH:MM`.
        public static func text(_ minutes: Int) -> String { pad2(minutes / 60) + ":" + pad2(minutes % 60) }
    }

    /// A group of candidates a session takes exactly `count` people from (version 2).
    public struct Pick: Sendable, Hashable {
        public var from: [String]
        public var count: Int

        public init(from: [String], count: Int = 1) {
            self.from = from
            self.count = count
        }
    }

    /// Sessions in their order, whose starts keep a cadence of local dates (version 2).
    public struct Series: Sendable, Hashable {
        public var id: String
        public var sessions: [String]
        public var minDaysApart: Int
        public var maxDaysApart: Int?

        public init(id: String, sessions: [String], minDaysApart: Int = 1, maxDaysApart: Int? = nil) {
            self.id = id
            self.sessions = sessions
            self.minDaysApart = minDaysApart
            self.maxDaysApart = maxDaysApart
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
        /// While it runs, no other session runs anywhere (version 2).
        public var exclusive: Bool
        /// Groups of candidates the schedule picks people from (version 2).
        public var pick: [Pick]

        public init(
            id: String, duration: Int, audience: Int = 0, required: [String] = [], optional: [String] = [],
            features: [String] = [], windows: [Interval] = [], preferred: [Interval] = [], after: [String] = [],
            priority: Int = 1, fixed: Placement? = nil, exclusive: Bool = false, pick: [Pick] = []
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
            self.exclusive = exclusive
            self.pick = pick
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

/// One session placed in a room at a start, with the people picked for it.
public struct Assignment: Sendable, Hashable, Codable {
    public var session: String
    public var room: String
    public var start: Instant
    /// The people chosen from the session's pick groups (version 2); empty when it has none.
    public var picked: [String]

    public init(session: String, room: String, start: Instant, picked: [String] = []) {
        self.session = session
        self.room = room
        self.start = start
        self.picked = picked
    }

    enum CodingKeys: String, CodingKey { case session, room, start, picked }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(session: try c.decode(String.self, forKey: .session), room: try c.decode(String.self, forKey: .room),
                  start: try c.decode(Instant.self, forKey: .start), picked: try c.decode(.picked, default: []))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(session, forKey: .session)
        try c.encode(room, forKey: .room)
        try c.encode(start, forKey: .start)
        try c.encode(picked, forKey: .picked, unless: [])
    }
}
