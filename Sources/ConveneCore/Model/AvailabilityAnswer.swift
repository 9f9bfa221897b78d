/// A person's own answer to "when can you come?", given on their page: a grid of cells over the
/// event's days, each available, "if need be" or unavailable, or simply "at any time".
public struct AvailabilityAnswer: Sendable, Hashable, Codable {
    /// One cell's state, a date poll's three answers.
    public enum Mark: String, Sendable, Hashable, Codable, CaseIterable {
        case available
        /// They can come, but would rather not: soft, the term `ifNeedBe`.
        case ifNeedBe = "if-need-be"
        /// They cannot come: hard, as `unavailable:` in the plan.
        case unavailable
    }

    /// A cell of the grid and its mark.
    public struct Cell: Sendable, Hashable, Codable {
        public var interval: Interval
        public var mark: Mark

        public init(interval: Interval, mark: Mark) {
            self.interval = interval
            self.mark = mark
        }
    }

    public var person: String
    /// "I can come at any time during the event": the cells then count for nothing.
    public var anyTime: Bool
    /// The cells marked other than available, in time order.
    public var cells: [Cell]
    /// What the person wrote to the organizer; nil when nothing.
    public var note: String?
    /// When they saved it.
    public var answeredAt: Instant

    public init(person: String, anyTime: Bool, cells: [Cell], note: String? = nil, answeredAt: Instant) {
        self.person = person
        self.anyTime = anyTime
        self.cells = cells.filter { $0.mark != .available }.sorted { $0.interval.start < $1.interval.start }
        self.note = note
        self.answeredAt = answeredAt
    }

    /// Where the answer's busy periods say they come from.
    public static let source = "their page"

    /// The answer as busy periods: unavailable cells firm, "if need be" cells soft, merged where
    /// they touch; none when they can come at any time.
    public var periods: [BusyPeriod] {
        guard !anyTime else { return [] }
        return [(Mark.unavailable, BusyPeriod.Strength.busy), (.ifNeedBe, .ifNeedBe)].flatMap { mark, strength in
            Interval.merge(cells.filter { $0.mark == mark }.map(\.interval)).map {
                BusyPeriod(interval: $0, strength: strength, summary: mark == .unavailable ? "marked unavailable" : "marked if need be",
                           source: Self.source)
            }
        }
    }

    /// The times marked with `mark`, merged (none when they can come at any time).
    public func intervals(_ mark: Mark) -> [Interval] {
        anyTime ? [] : Interval.merge(cells.filter { $0.mark == mark }.map(\.interval))
    }
}
