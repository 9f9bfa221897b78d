// The instance format leaves out fields at their defaults; these coders read
// them as defaults and leave defaults out again, so files round-trip.

extension KeyedDecodingContainer {
    func decode<T: Decodable>(_ key: Key, default value: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? value
    }
}

extension KeyedEncodingContainer {
    mutating func encode<T: Encodable & Equatable>(_ value: T, forKey key: Key, unless defaultValue: T) throws {
        if value != defaultValue { try encode(value, forKey: key) }
    }
}

extension Instance: Codable {
    enum CodingKeys: String, CodingKey {
        case format, name, timeZone, slotMinutes, days, rooms, people, sessions, previous, weights, apart, series
    }

    /// The version a format tag names, or nil when it is not an instance tag this engine reads.
    static func version(of format: String) -> Int? {
        [1, 2].first { Instance.format($0) == format }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard let version = Instance.version(of: format) else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "format is '\(format)', not \(Instance.format(1)) or \(Instance.format(2))")
        }
        self.init(
            name: try c.decode(.name, default: ""),
            timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone),
            slotMinutes: try c.decode(.slotMinutes, default: 15),
            days: try c.decode([Interval].self, forKey: .days),
            rooms: try c.decode([Room].self, forKey: .rooms),
            people: try c.decode(.people, default: []),
            sessions: try c.decode([Session].self, forKey: .sessions),
            previous: try c.decode(.previous, default: []),
            weights: try c.decode(.weights, default: Weights()),
            apart: try c.decode(.apart, default: []),
            series: try c.decode(.series, default: []),
            version: version
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Instance.format(writtenVersion), forKey: .format)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(timeZone, forKey: .timeZone)
        try c.encode(slotMinutes, forKey: .slotMinutes)
        try c.encode(days, forKey: .days)
        try c.encode(rooms, forKey: .rooms)
        try c.encode(people, forKey: .people)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(previous, forKey: .previous, unless: [])
        try c.encode(weights, forKey: .weights, unless: Weights())
        try c.encode(apart, forKey: .apart, unless: [])
        try c.encode(series, forKey: .series, unless: [])
    }
}

extension Instance.Room: Codable {
    enum CodingKeys: String, CodingKey { case id, name, capacity, features, unavailable, turnover }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            capacity: try c.decode(.capacity, default: 0),
            features: try c.decode(.features, default: []),
            unavailable: try c.decode(.unavailable, default: []),
            turnover: try c.decode(.turnover, default: 0)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(features, forKey: .features, unless: [])
        try c.encode(unavailable, forKey: .unavailable, unless: [])
        try c.encode(turnover, forKey: .turnover, unless: 0)
    }
}

extension Instance.Person: Codable {
    enum CodingKeys: String, CodingKey { case id, group, unavailable, hours, ifNeedBe }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            group: try c.decodeIfPresent(String.self, forKey: .group),
            unavailable: try c.decode(.unavailable, default: []),
            hours: try c.decodeIfPresent(Instance.Hours.self, forKey: .hours),
            ifNeedBe: try c.decode(.ifNeedBe, default: [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encode(unavailable, forKey: .unavailable, unless: [])
        try c.encodeIfPresent(hours, forKey: .hours)
        try c.encode(ifNeedBe, forKey: .ifNeedBe, unless: [])
    }
}

extension Instance.Hours: Codable {
    enum CodingKeys: String, CodingKey { case zone, acceptable, preferred }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let zone = try c.decode(String.self, forKey: .zone)
        guard ZoneRules(identifier: zone) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .zone, in: c, debugDescription: "'\(zone)' is not an IANA time zone")
        }
        self.init(zone: zone, acceptable: try c.decodeIfPresent(Instance.ClockRange.self, forKey: .acceptable),
                  preferred: try c.decodeIfPresent(Instance.ClockRange.self, forKey: .preferred))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(zone, forKey: .zone)
        try c.encodeIfPresent(acceptable, forKey: .acceptable)
        try c.encodeIfPresent(preferred, forKey: .preferred)
    }
}

extension Instance.ClockRange: Codable {
    /// `["HH:MM", "HH:MM"]`, the start before the end.
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let a = try c.decode(String.self), b = try c.decode(String.self)
        guard c.isAtEnd, let start = Self.minutes(a), let end = Self.minutes(b), start < end, start < 1440 else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "hours are [\"HH:MM\", \"HH:MM\"], the start before the end")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(Self.text(start))
        try c.encode(Self.text(end))
    }
}

extension Instance.Pick: Codable {
    enum CodingKeys: String, CodingKey { case from, count }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(from: try c.decode([String].self, forKey: .from), count: try c.decode(.count, default: 1))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(count, forKey: .count)
    }
}

extension Instance.Series: Codable {
    enum CodingKeys: String, CodingKey { case id, sessions, minDaysApart, maxDaysApart }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(.id, default: ""), sessions: try c.decode(.sessions, default: []),
                  minDaysApart: try c.decode(.minDaysApart, default: 1),
                  maxDaysApart: try c.decodeIfPresent(Int.self, forKey: .maxDaysApart))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(minDaysApart, forKey: .minDaysApart, unless: 1)
        try c.encodeIfPresent(maxDaysApart, forKey: .maxDaysApart)
    }
}

extension Instance.Session: Codable {
    enum CodingKeys: String, CodingKey {
        case id, duration, audience, required, optional, features, windows, preferred, after, priority, fixed, exclusive, pick
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            duration: try c.decode(Int.self, forKey: .duration),
            audience: try c.decode(.audience, default: 0),
            required: try c.decode(.required, default: []),
            optional: try c.decode(.optional, default: []),
            features: try c.decode(.features, default: []),
            windows: try c.decode(.windows, default: []),
            preferred: try c.decode(.preferred, default: []),
            after: try c.decode(.after, default: []),
            priority: try c.decode(.priority, default: 1),
            fixed: try c.decodeIfPresent(Instance.Placement.self, forKey: .fixed),
            exclusive: try c.decode(.exclusive, default: false),
            pick: try c.decode(.pick, default: [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(duration, forKey: .duration)
        try c.encode(audience, forKey: .audience)
        try c.encode(required, forKey: .required)
        try c.encode(optional, forKey: .optional, unless: [])
        try c.encode(features, forKey: .features, unless: [])
        try c.encode(windows, forKey: .windows, unless: [])
        try c.encode(preferred, forKey: .preferred, unless: [])
        try c.encode(after, forKey: .after, unless: [])
        try c.encode(priority, forKey: .priority)
        try c.encodeIfPresent(fixed, forKey: .fixed)
        try c.encode(exclusive, forKey: .exclusive, unless: false)
        try c.encode(pick, forKey: .pick, unless: [])
    }
}

extension Instance.Weights: Codable {
    /// A mapping from term name to weight; every term of the rule book is written, with its weight in force.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Int].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(inForce)
    }
}
