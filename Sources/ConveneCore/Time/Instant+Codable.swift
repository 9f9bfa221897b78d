extension Instant: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let value = Instant(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "'\(text)' is not an ISO 8601 date-time with an offset")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }
}

extension Interval: Codable {
    /// Intervals are written as `[start, end]`, as in the instance format.
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let start = try c.decode(Instant.self)
        let end = try c.decode(Instant.self)
        guard c.isAtEnd else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "an interval has exactly two instants")
        }
        guard start <= end else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "interval ends before it starts")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}
