/// One breach of a hard rule: which rule, who and what it involves, and the format checker's words.
package struct Breach: Sendable, Hashable {
    /// The rule broken.
    package var kind: Conflict.Kind
    /// The message of the format's checker, without its rule number.
    package var text: String
    package var sessions: [String]
    package var people: [String]
    package var rooms: [String]

    package init(_ kind: Conflict.Kind, _ text: String, sessions: [String], people: [String] = [], rooms: [String] = []) {
        self.kind = kind
        self.text = text
        self.sessions = sessions
        self.people = people
        self.rooms = rooms
    }
}

/// A hard rule of the rule book: what it forbids, how it finds breaches, and how it tells an admin.
///
/// Each rule is declared once, in its own file under `Rules/Hard/`; the validator, `conflicts`,
/// the reasons given for unscheduled sessions and `check`'s static proofs all read it.
package protocol HardRule: Sendable {
    /// Its name in `conflicts`, e.g. `room-double-booked`.
    var kind: Conflict.Kind { get }
    /// Every kind its breaches may have: its own, and any finer ones it tells apart.
    var kinds: [Conflict.Kind] { get }
    /// Its number in the instance format (`H1` …), nil for the plan's own rules, which the format does not know.
    var code: String? { get }
    /// Every breach of the rule in a schedule.
    func breaches(in review: Review) -> [Breach]
    /// One breach in an admin's words: names, titles and wall-clock times.
    func reason(_ breach: Breach, in review: Review, _ words: Wording) -> String
}

extension HardRule {
    package var kinds: [Conflict.Kind] { [kind] }
}

/// A hard rule that judges each scheduled session on its own, whatever else is scheduled.
package protocol PlacementRule: HardRule {
    /// The breaches of one scheduled session.
    func check(_ placed: Review.Placed, in facts: Facts) -> [Breach]
}

extension PlacementRule {
    package func breaches(in review: Review) -> [Breach] {
        review.placed.flatMap { check($0, in: review.facts) }
    }
}

/// A placement rule that depends on the room alone: the fit filters a session's rooms with it once.
package protocol RoomRule: PlacementRule {
    /// True when the room lets the session in, at any time.
    func admits(_ session: Facts.Session, in room: Facts.Room) -> Bool
    /// What the session asks of a room, e.g. `seats 250`, `has interpretation`.
    func need(_ session: Facts.Session) -> String?
    /// Why none of `rooms` is admitted, when none is, e.g. `no room seats 250 (the largest seats 200)`.
    func refusal(_ session: Facts.Session, rooms: [Facts.Room]) -> String
}

/// A placement rule that depends on the time alone (and on who takes part).
package protocol TimeRule: PlacementRule {
    /// True when the session may run over `[start, end)` with this crew.
    func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool
    /// Why no start of `starts` is admitted, when none is: names the people, windows or days that stop it.
    func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String
}

/// A placement rule that depends on the room and the time together.
package protocol RoomTimeRule: PlacementRule {
    /// True when the room lets the session in over `[start, end)`.
    func admits(_ session: Facts.Session, in room: Facts.Room, start: Int, end: Int) -> Bool
}

/// A soft term of the score: what it counts and its default weight.
package protocol SoftTerm: Sendable {
    /// The term's name, also its key in `weights`, e.g. `optionalConflict`.
    var name: String { get }
    var defaultWeight: Int { get }
    /// How many times the schedule incurs the term (before weighting).
    func count(in review: Review) -> Int
    /// Whether a score's breakdown lists the term for this instance (always, unless a term says otherwise).
    func isListed(for instance: Instance) -> Bool
}

extension SoftTerm {
    package func isListed(for instance: Instance) -> Bool { true }
}
