/// H1: a session lies wholly inside one day and starts on that day's slot grid.
struct DayRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        guard let day = schedule.days.first(where: { $0.0 <= p.start && p.end <= $0.1 }) else {
            return [.rule("H1", .outsideDays, "session \(p.id) is not inside one day window", sessions: [p.id], rooms: [p.roomID])]
        }
        let offset = p.start - day.0
        // Python's % is never negative: any non-zero remainder is off the grid.
        if schedule.slot != 0, offset % schedule.slot != 0 {
            return [.rule("H1", .outsideDays, "session \(p.id) starts off the \(schedule.slot)-minute grid",
                          sessions: [p.id], rooms: [p.roomID])]
        }
        return []
    }
}
