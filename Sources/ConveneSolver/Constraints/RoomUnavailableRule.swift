/// H6 for rooms: the room is open at every moment of the session.
struct RoomUnavailableRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        guard schedule.roomBusy[p.roomID]?.touches(p.start, p.end) == true else { return [] }
        return [.rule("H6", .roomUnavailable, "room \(p.roomID) is unavailable during session \(p.id)",
                      sessions: [p.id], rooms: [p.roomID])]
    }
}
