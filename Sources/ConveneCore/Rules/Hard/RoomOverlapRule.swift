/// H4: no two sessions in one room overlap.
///
/// Like the format's checker, it compares neighbours in start order, which finds every room
/// with a clash and names each clashing neighbour pair once.
package struct RoomOverlapRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .roomDoubleBooked }
    package var code: String? { "H4" }

    /// Each room's sessions in start order (then end, then id), rooms in order of first use.
    static func byRoom(_ review: Review) -> [(room: Int, sessions: [Review.Placed])] {
        var order: [Int] = []
        var lists: [Int: [Review.Placed]] = [:]
        for p in review.placed {
            if lists[p.room] == nil { order.append(p.room) }
            lists[p.room, default: []].append(p)
        }
        let facts = review.facts
        return order.map { r in
            (r, lists[r]!.sorted {
                $0.start != $1.start ? $0.start < $1.start
                    : $0.end != $1.end ? $0.end < $1.end
                    : codePointLess(facts.sessions[$0.session].id, facts.sessions[$1.session].id)
            })
        }
    }

    package func breaches(in review: Review) -> [Breach] {
        var out: [Breach] = []
        for (r, list) in Self.byRoom(review) {
            for (x, y) in zip(list, list.dropFirst()) where y.start < x.end {
                let rid = review.facts.rooms[r].id
                out.append(Breach(kind, "sessions \(review.id(x)) and \(review.id(y)) overlap in room \(rid)",
                                  sessions: [review.id(x), review.id(y)], rooms: [rid]))
            }
        }
        return out
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let x = review.placement(of: b.sessions[0]), let y = review.placement(of: b.sessions[1]) else { return b.text }
        return "\(words.room(b.rooms[0])) holds both \(words.session(b.sessions[0])) and \(words.session(b.sessions[1])) "
            + "at \(words.span(max(x.start, y.start), min(x.end, y.end), review.facts))"
    }
}
