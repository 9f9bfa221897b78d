/// What changed between two schedules: which sessions moved, from where to where,
/// which were newly scheduled or taken off, and who is affected.
public struct ScheduleDiff: Sendable, Hashable, Codable {
    /// One session whose place changed.
    public struct Change: Sendable, Hashable, Codable {
        /// How a session's place changed.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// Another room, another start, or both.
            case moved
            /// Not scheduled before, scheduled now.
            case scheduled
            /// Scheduled before, not now.
            case unscheduled
        }

        public var session: String
        public var kind: Kind
        public var before: Assignment?
        public var after: Assignment?
        /// Required and optional people of the session, who must hear about the change.
        public var people: [String]
    }

    public var changes: [Change]

    /// Compares two lists of assignments; `event` supplies who takes part in each session.
    public init(from before: [Assignment], to after: [Assignment], event: Event?) {
        let old = Dictionary(before.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for id in Set(old.keys).union(new.keys) {
            let a = old[id], b = new[id]
            let kind: Change.Kind
            switch (a, b) {
            case let (x?, y?) where x.room == y.room && x.start == y.start: continue
            case (_?, _?): kind = .moved
            case (nil, _?): kind = .scheduled
            default: kind = .unscheduled
            }
            let s = event?.session(id)
            changes.append(Change(session: id, kind: kind, before: a, after: b,
                                  people: (s?.required ?? []) + (s?.optional ?? [])))
        }
        self.changes = changes.sorted { c, d in
            let x = c.before?.start ?? c.after!.start, y = d.before?.start ?? d.after!.start
            return (x, c.session) < (y, d.session)
        }
    }

    /// True when both schedules place every session alike.
    public var isEmpty: Bool { changes.isEmpty }

    /// Everyone who takes part in a changed session, each once, sorted by id.
    public var affectedPeople: [String] { Set(changes.flatMap(\.people)).sorted() }

    /// One line a change, e.g. `moved "Opening Plenary" (s-opening): Main Hall, … → Room A, …`.
    public func lines(_ text: ScheduleText) -> [String] {
        changes.map { c in
            let what = text.session(c.session)
            switch c.kind {
            case .moved: return "moved \(what): \(text.place(c.before!)) → \(text.place(c.after!))"
            case .scheduled: return "scheduled \(what): \(text.place(c.after!))"
            case .unscheduled: return "unscheduled \(what): was \(text.place(c.before!))"
            }
        }
    }

    /// A summary line with the people affected, named.
    public func summary(_ text: ScheduleText) -> String {
        guard !isEmpty else { return "no session changes" }
        let people = affectedPeople.map(text.person)
        let sessions = changes.count == 1 ? "1 session changes" : "\(changes.count) sessions change"
        return "\(sessions); \(people.count) \(people.count == 1 ? "person is" : "people are") affected: "
            + people.joined(separator: ", ")
    }
}
