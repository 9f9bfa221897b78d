/// H3: the room has every feature the session needs.
package struct FeatureRule: RoomRule {
    package init() {}

    package var kind: Conflict.Kind { .missingFeature }
    package var code: String? { "H3" }

    func lacking(_ session: Facts.Session, in room: Facts.Room) -> [String] {
        Set(session.features).subtracting(room.features).sorted(by: codePointLess)
    }

    package func admits(_ session: Facts.Session, in room: Facts.Room) -> Bool {
        session.features.allSatisfy(room.features.contains)
    }

    package func need(_ session: Facts.Session) -> String? {
        session.features.isEmpty ? nil : "has " + session.features.joined(separator: " and ")
    }

    package func refusal(_ session: Facts.Session, rooms: [Facts.Room]) -> String {
        let none = session.features.filter { f in !rooms.contains { $0.features.contains(f) } }
        return "no room has " + (none.isEmpty ? session.features : none).joined(separator: " and ")
    }

    package func check(_ p: Review.Placed, in facts: Facts) -> [Breach] {
        let s = facts.sessions[p.session], r = facts.rooms[p.room]
        let lacking = lacking(s, in: r)
        guard !lacking.isEmpty else { return [] }
        let list = "[" + lacking.map(pythonRepr).joined(separator: ", ") + "]"
        return [Breach(kind, "room \(r.id) lacks \(list) for session \(s.id)", sessions: [s.id], rooms: [r.id])]
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let s = review.facts.session(b.sessions[0]), let r = review.facts.room(b.rooms[0]) else { return b.text }
        return "\(words.room(r.id)) has no \(lacking(s, in: r).joined(separator: ", ")), which \(words.session(s.id)) needs"
    }
}
