/// H10: sessions in a room with turnover are at least that many minutes apart.
///
/// Like the format's checker, it compares neighbours in start order (those that overlap are the
/// room-overlap rule's).
package struct TurnoverRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .turnoverTooShort }
    package var code: String? { "H10" }

    package func breaches(in review: Review) -> [Breach] {
        var out: [Breach] = []
        for (r, list) in RoomOverlapRule.byRoom(review) {
            let room = review.facts.rooms[r]
            guard room.turnover > 0 else { continue }
            for (x, y) in zip(list, list.dropFirst()) where y.start >= x.end && y.start < x.end + room.turnover {
                out.append(Breach(kind, "sessions \(review.id(x)) and \(review.id(y)) are less than \(room.turnover) minutes apart in room \(room.id)",
                                  sessions: [review.id(x), review.id(y)], rooms: [room.id]))
            }
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let x = review.placement(of: b.sessions[0]), let y = review.placement(of: b.sessions[1]),
              let room = review.facts.room(b.rooms[0]) else { return b.text }
        return "\(words.room(room.id)) needs \(room.turnover) minutes between sessions, but \(words.session(b.sessions[1])) "
            + "starts \(y.start - x.end) minutes after \(words.session(b.sessions[0])) ends"
    }
}
