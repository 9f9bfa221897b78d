import ConveneCore

/// A solution read against its instance, in whole minutes from the first day's start:
/// what every rule looks at.
struct CheckedSchedule {
    /// One scheduled session.
    struct Placed {
        var id: String
        var session: Instance.Session
        var roomID: String
        var room: Instance.Room
        var start: Int
        var end: Int
    }

    let instance: Instance
    let origin: Instant
    let slot: Int
    let days: [(Int, Int)]
    let rooms: [String: Instance.Room]
    let people: [String: Instance.Person]
    let sessions: [String: Instance.Session]
    /// Session ids in instance order, without repeats.
    let sessionOrder: [String]
    let roomBusy: [String: MinuteSet]
    let personBusy: [String: MinuteSet]
    /// Instants that are not on a whole minute from the origin.
    /// Instants of the instance that are not on a whole minute from the origin.
    let offMinute: [Instant]

    /// Scheduled sessions in the order the solution lists them.
    var placed: [Placed] = []
    var placedIndex: [String: Int] = [:]

    init(instance: Instance) {
        self.instance = instance
        origin = instance.days.first?.start ?? Instant(secondsSinceEpoch: 0)
        slot = instance.slotMinutes
        var offMinute: [Instant] = []
        let origin = origin
        func m(_ i: Instant) -> Int {
            let d = i.secondsSinceEpoch - origin.secondsSinceEpoch
            if d % 60 != 0 { offMinute.append(i) }
            return i.minutes(since: origin)
        }
        days = instance.days.map { (m($0.start), m($0.end)) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var rooms: [String: Instance.Room] = [:]
        var roomBusy: [String: MinuteSet] = [:]
        for r in instance.rooms {
            rooms[r.id] = r
            roomBusy[r.id] = MinuteSet(r.unavailable.map { (m($0.start), m($0.end)) })
        }
        var people: [String: Instance.Person] = [:]
        var personBusy: [String: MinuteSet] = [:]
        for p in instance.people {
            people[p.id] = p
            personBusy[p.id] = MinuteSet(p.unavailable.map { (m($0.start), m($0.end)) })
        }
        var sessions: [String: Instance.Session] = [:]
        var order: [String] = []
        for s in instance.sessions {
            if sessions[s.id] == nil { order.append(s.id) }
            sessions[s.id] = s
        }
        self.rooms = rooms
        self.roomBusy = roomBusy
        self.people = people
        self.personBusy = personBusy
        self.sessions = sessions
        self.sessionOrder = order
        self.offMinute = offMinute
    }

    /// Whole minutes from the origin.
    func minutes(_ instant: Instant) -> Int { instant.minutes(since: origin) }

    /// True when the instant falls between two minutes of the origin's clock.
    func isOffMinute(_ instant: Instant) -> Bool {
        (instant.secondsSinceEpoch - origin.secondsSinceEpoch) % 60 != 0
    }

    /// Minute ranges of intervals, e.g. a session's windows.
    func minuteSet(_ intervals: [Interval]) -> MinuteSet {
        MinuteSet(intervals.map { (minutes($0.start), minutes($0.end)) })
    }

    /// The placement of a session, if the solution schedules it.
    func placement(of id: String) -> Placed? { placedIndex[id].map { placed[$0] } }
}

/// Orders strings by code point, as the format's checker (Python) does.
func codePointLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

/// A string as Python's `repr` writes it, for messages that quote ids.
func pythonRepr(_ s: String) -> String {
    if s.contains("'") && !s.contains("\"") { return "\"\(s.replacingAll("\\", with: "\\\\"))\"" }
    return "'" + s.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
