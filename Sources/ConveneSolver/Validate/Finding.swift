import ConveneCore

/// One thing wrong with a solution, in the words of the format's checker.
struct Finding: Sendable {
    /// `H1` … `H7`, or nil when an entry does not fit the instance at all (unknown ids, repeats).
    var rule: String?
    /// The broken hard rule as an admin sees it; nil for entries that do not fit the instance.
    var conflict: Conflict?
    /// The message without its rule code.
    var text: String

    /// A broken hard rule.
    static func rule(_ code: String, _ kind: Conflict.Kind, _ text: String,
                     sessions: [String], people: [String] = [], rooms: [String] = []) -> Finding {
        Finding(rule: code, conflict: Conflict(kind: kind, sessions: sessions, people: people, rooms: rooms, reason: text),
                text: text)
    }

    /// An entry of the solution that does not fit the instance.
    static func problem(_ text: String) -> Finding { Finding(rule: nil, conflict: nil, text: text) }

    /// The line the format's checker prints.
    var line: String { rule.map { "\($0) \(text)" } ?? text }
}

/// A hard rule checked on one scheduled session at a time.
protocol PlacementRule: Sendable {
    func check(_ placed: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding]
}
