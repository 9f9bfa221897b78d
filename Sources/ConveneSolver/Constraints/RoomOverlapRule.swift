/// H4: no two sessions in one room overlap.
///
/// Like the format's checker, it compares neighbours in start order, which finds
/// every room with a clash and names each clashing neighbour pair once.
struct RoomOverlapRule: Sendable {
    func check(_ schedule: CheckedSchedule) -> [Finding] {
        var order: [String] = []
        var byRoom: [String: [CheckedSchedule.Placed]] = [:]
        for p in schedule.placed {
            if byRoom[p.roomID] == nil { order.append(p.roomID) }
            byRoom[p.roomID, default: []].append(p)
        }
        var out: [Finding] = []
        for rid in order {
            let list = byRoom[rid]!.sorted {
                $0.start != $1.start ? $0.start < $1.start : $0.end != $1.end ? $0.end < $1.end : codePointLess($0.id, $1.id)
            }
            for (x, y) in zip(list, list.dropFirst()) where y.start < x.end {
                out.append(.rule("H4", .roomDoubleBooked, "sessions \(x.id) and \(y.id) overlap in room \(rid)",
                                 sessions: [x.id, y.id], rooms: [rid]))
            }
        }
        return out
    }
}
