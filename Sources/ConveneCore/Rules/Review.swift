/// A schedule read against its facts: what every rule looks at.
///
/// Entries that do not fit the instance at all (unknown sessions or rooms, a session
/// assigned or listed twice, sessions missing from both lists) are kept as `problems`
/// in the words of the format's checker; the rest are `placed`.
package struct Review: Sendable {
    /// One scheduled session.
    package struct Placed: Sendable {
        /// Index into `facts.sessions`.
        package var session: Int
        /// Index into `facts.rooms`.
        package var room: Int
        package var start: Int
        package var end: Int
        /// The people chosen from its pick groups, as the solution lists them.
        package var picked: [String]
        /// The people it requires: its required people and those picked from its candidates,
        /// each once (what the rules call "required or picked").
        package var participants: [String]
    }

    package let facts: Facts
    /// Scheduled sessions in the order the solution lists them.
    package private(set) var placed: [Placed] = []
    /// Where each scheduled session is in `placed`, by session index.
    package private(set) var placedIndex: [Int: Int] = [:]
    /// Sessions the solution lists as unscheduled (even if it also assigns them, as the format's
    /// checker reads it), then those it leaves out of both lists, by index.
    package private(set) var unscheduled: [Int] = []
    /// Entries that do not fit the instance, in the format checker's words.
    package private(set) var problems: [String] = []

    /// Reads a solution's assignments and unscheduled list.
    package init(_ facts: Facts, _ solution: Solution) {
        self.facts = facts
        problems = facts.offMinute.map { "instant not on a whole minute: \($0.iso8601)" }
        for a in solution.assignments {
            guard let s = facts.sessionIndex[a.session] else {
                problems.append("assignment names unknown session \(pythonRepr(a.session))")
                continue
            }
            if placedIndex[s] != nil {
                problems.append("session \(a.session) is assigned twice")
                continue
            }
            guard let r = facts.roomIndex[a.room] else {
                problems.append("session \(a.session) is in unknown room \(pythonRepr(a.room))")
                continue
            }
            if (a.start.secondsSinceEpoch - facts.origin.secondsSinceEpoch) % 60 != 0 {
                problems.append("instant not on a whole minute: \(a.start.iso8601)")
            }
            place(s, room: r, start: facts.minutes(a.start), picked: a.picked)
        }
        var listed = Set<Int>()
        for u in solution.unscheduled {
            let s = facts.sessionIndex[u.session]
            if s == nil {
                problems.append("unscheduled names unknown session \(pythonRepr(u.session))")
            } else if placedIndex[s!] != nil || listed.contains(s!) {
                problems.append("session \(u.session) is listed twice")
            }
            if let s, listed.insert(s).inserted { unscheduled.append(s) }
        }
        let missing = facts.sessions.indices.filter { placedIndex[$0] == nil && !listed.contains($0) }
        if let first = missing.first {
            problems.append("\(missing.count) sessions appear neither assigned nor unscheduled, e.g. \(facts.sessions[first].id)")
        }
        unscheduled += missing
    }

    /// A review of placements given by index, e.g. a search state's; every other session is unscheduled.
    package init(_ facts: Facts, placements: [(session: Int, room: Int, start: Int, picked: [String])]) {
        self.facts = facts
        for p in placements { place(p.session, room: p.room, start: p.start, picked: p.picked) }
        unscheduled = facts.sessions.indices.filter { placedIndex[$0] == nil }
    }

    private mutating func place(_ s: Int, room r: Int, start: Int, picked: [String]) {
        let session = facts.sessions[s]
        var participants: [String] = [], seen = Set<String>()
        for pid in session.required + picked.filter(session.candidates.contains) where seen.insert(pid).inserted {
            participants.append(pid)
        }
        for pid in participants where facts.people[pid] == nil {
            problems.append("session \(session.id) requires unknown person \(pythonRepr(pid))")
        }
        placedIndex[s] = placed.count
        placed.append(Placed(session: s, room: r, start: start, end: start + session.duration, picked: picked,
                             participants: participants))
    }

    /// The placement of a session, if it is scheduled.
    package func placement(of session: Int) -> Placed? { placedIndex[session].map { placed[$0] } }

    /// The placement of a session by id, if it is scheduled.
    package func placement(of id: String) -> Placed? { facts.sessionIndex[id].flatMap(placement(of:)) }

    /// The id of a placed session.
    package func id(_ p: Placed) -> String { facts.sessions[p.session].id }

    /// The id of a placed session's room.
    package func roomID(_ p: Placed) -> String { facts.rooms[p.room].id }
}

/// Orders strings by code point, as the format's checker (Python) does.
package func codePointLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

/// A string as Python's `repr` writes it, for messages that quote ids.
package func pythonRepr(_ s: String) -> String {
    func escaped(_ s: String, quote: Character?) -> String {
        var out = ""
        for c in s {
            if c == "\\" { out += "\\\\" } else if c == quote { out += "\\'" } else { out.append(c) }
        }
        return out
    }
    if s.contains("'") && !s.contains("\"") { return "\"\(escaped(s, quote: nil))\"" }
    return "'" + escaped(s, quote: "'") + "'"
}
