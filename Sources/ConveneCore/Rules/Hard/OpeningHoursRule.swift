/// H1: a session lies wholly inside one day and starts on that day's slot grid.
///
/// The two halves are told apart (`outside-days`, `off-grid`): an admin mends them differently.
package struct OpeningHoursRule: TimeRule {
    package init() {}

    package var kind: Conflict.Kind { .outsideDays }
    package var kinds: [Conflict.Kind] { [.outsideDays, .offGrid] }
    package var code: String? { "H1" }

    /// The day holding `[start, end)`, if one does (the first of them, where days overlap).
    func day(_ start: Int, _ end: Int, in facts: Facts) -> (start: Int, end: Int)? {
        if facts.daysOverlap { return facts.days.first { $0.start <= start && end <= $0.end } }
        // Days apart and sorted: only the last one starting at or before `start` can hold it.
        var lo = 0, hi = facts.days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if facts.days[mid].start <= start { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, end <= facts.days[lo - 1].end else { return nil }
        return facts.days[lo - 1]
    }

    func onGrid(_ start: Int, day: (start: Int, end: Int), in facts: Facts) -> Bool {
        // Python's % is never negative: any non-zero remainder is off the grid.
        facts.slot == 0 || (start - day.start) % facts.slot == 0
    }

    package func admits(_ session: Facts.Session, crew: Facts.Crew, start: Int, end: Int, in facts: Facts) -> Bool {
        guard let day = day(start, end, in: facts) else { return false }
        return onGrid(start, day: day, in: facts)
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let id = facts.sessions[p.session].id, room = facts.rooms[p.room].id
        guard let day = day(p.start, p.end, in: facts) else {
            return [Breach(kind, "session \(id) is not inside one day window", sessions: [id], rooms: [room])]
        }
        guard onGrid(p.start, day: day, in: facts) else {
            return [Breach(.offGrid, "session \(id) starts off the \(facts.slot)-minute grid", sessions: [id], rooms: [room])]
        }
        return []
    }

    package func refusal(_ session: Facts.Session, crew: Facts.Crew, starts: [Int], in facts: Facts) -> String {
        let longest = facts.days.map { $0.end - $0.start }.max() ?? 0
        return "needs \(session.duration) minutes but the longest day is open \(longest) minutes"
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]) else { return b.text }
        let facts = review.facts
        let what = "\(words.session(b.sessions[0])) at \(words.span(p.start, p.end, facts))"
        guard let day = day(p.start, p.end, in: facts) else { return "\(what) is outside the event's opening hours" }
        return "\(what) starts off the \(facts.slot)-minute grid of its day, which opens at \(words.time(day.start, facts).suffix(5))"
    }
}
