/// H2: the room seats the session's audience.
struct CapacityRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        guard p.room.capacity < p.session.audience else { return [] }
        return [.rule("H2", .roomTooSmall,
                      "session \(p.id) (audience \(p.session.audience)) is in \(p.roomID) (capacity \(p.room.capacity))",
                      sessions: [p.id], rooms: [p.roomID])]
    }
}
