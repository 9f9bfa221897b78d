/// H6 for rooms: the room is open at every moment of the session.
package struct RoomClosedRule: RoomTimeRule {
    package init() {}

    package var kind: Conflict.Kind { .roomUnavailable }
    package var code: String? { "H6" }

    package func admits(_ session: Facts.Session, in room: Facts.Room, start: Int, end: Int) -> Bool {
        !room.closed.touches(start, end)
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session], r = facts.rooms[p.room]
        guard !admits(s, in: r, start: p.start, end: p.end) else { return [] }
        return [Breach(kind, "room \(r.id) is unavailable during session \(s.id)", sessions: [s.id], rooms: [r.id])]
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let p = review.placement(of: b.sessions[0]), let r = review.facts.room(b.rooms[0]) else { return b.text }
        let closures = zip(r.closed.starts, r.closed.ends).filter { $0.0 < p.end && p.start < $0.1 }
            .map { words.span($0.0, $0.1, review.facts) }
        return "\(words.room(r.id)) is closed \(closures.joined(separator: ", ")), during \(words.session(b.sessions[0]))"
    }
}
