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
    enum CodingKeys: String, CodingKey { case format, name, slotMinutes, days, rooms, people, sessions, previous, weights }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Instance.format else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "format is '\(format)', not \(Instance.format)")
        }
        self.init(
            name: try c.decode(.name, default: ""),
            slotMinutes: try c.decode(.slotMinutes, default: 15),
            days: try c.decode([Interval].self, forKey: .days),
            rooms: try c.decode([Room].self, forKey: .rooms),
            people: try c.decode(.people, default: []),
            sessions: try c.decode([Session].self, forKey: .sessions),
            previous: try c.decode(.previous, default: []),
            weights: try c.decode(.weights, default: Weights())
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Instance.format, forKey: .format)
        try c.encode(name, forKey: .name)
        try c.encode(slotMinutes, forKey: .slotMinutes)
        try c.encode(days, forKey: .days)
        try c.encode(rooms, forKey: .rooms)
        try c.encode(people, forKey: .people)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(previous, forKey: .previous, unless: [])
        try c.encode(weights, forKey: .weights, unless: Weights())
    }
}

extension Instance.Room: Codable {
    enum CodingKeys: String, CodingKey { case id, name, capacity, features, unavailable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            capacity: try c.decode(.capacity, default: 0),
            features: try c.decode(.features, default: []),
            unavailable: try c.decode(.unavailable, default: [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(features, forKey: .features, unless: [])
        try c.encode(unavailable, forKey: .unavailable, unless: [])
    }
}

extension Instance.Person: Codable {
    enum CodingKeys: String, CodingKey { case id, group, unavailable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            group: try c.decodeIfPresent(String.self, forKey: .group),
            unavailable: try c.decode(.unavailable, default: [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encode(unavailable, forKey: .unavailable, unless: [])
    }
}

extension Instance.Session: Codable {
    enum CodingKeys: String, CodingKey {
        case id, duration, audience, required, optional, features, windows, preferred, after, priority, fixed
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
            fixed: try c.decodeIfPresent(Instance.Placement.self, forKey: .fixed)
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
