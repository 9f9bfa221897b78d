/// H2: the room seats the session's audience.
package struct CapacityRule: RoomRule {
    package init() {}

    package var kind: Conflict.Kind { .roomTooSmall }
    package var code: String? { "H2" }

    package func admits(_ session: Facts.Session, in room: Facts.Room) -> Bool { room.capacity >= session.audience }

    package func need(_ session: Facts.Session) -> String? { session.audience > 0 ? "seats \(session.audience)" : nil }

    package func refusal(_ session: Facts.Session, rooms: [Facts.Room]) -> String {
        "no room seats \(session.audience) (the largest seats \(rooms.map(\.capacity).max() ?? 0))"
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session], r = facts.rooms[p.room]
        guard !admits(s, in: r) else { return [] }
        return [Breach(kind, "session \(s.id) (audience \(s.audience)) is in \(r.id) (capacity \(r.capacity))",
                       sessions: [s.id], rooms: [r.id])]
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let s = review.facts.session(b.sessions[0]), let r = review.facts.room(b.rooms[0]) else { return b.text }
        return "\(words.room(r.id)) seats \(r.capacity), but \(words.session(s.id)) expects \(s.audience)"
    }
}
