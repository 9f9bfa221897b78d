/// H7: a pinned session is scheduled exactly where it is pinned.
struct PinRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        guard let fixed = p.session.fixed, fixed.room != p.roomID || schedule.minutes(fixed.start) != p.start else {
            return []
        }
        return [.rule("H7", .pinMoved, "pinned session \(p.id) was moved", sessions: [p.id], rooms: [fixed.room, p.roomID])]
    }

    /// Pinned sessions the solution leaves out (or lists as unscheduled).
    func unscheduled(_ ids: [String], in schedule: CheckedSchedule) -> [Finding] {
        ids.compactMap { id in
            guard let s = schedule.sessions[id], let fixed = s.fixed else { return nil }
            return .rule("H7", .pinMoved, "pinned session \(id) is unscheduled", sessions: [id], rooms: [fixed.room])
        }
    }
}
