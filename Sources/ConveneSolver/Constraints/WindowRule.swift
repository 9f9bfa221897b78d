/// H7: a session with windows lies wholly inside one of them.
struct WindowRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        guard !p.session.windows.isEmpty, !schedule.minuteSet(p.session.windows).contains(p.start, p.end) else { return [] }
        return [.rule("H7", .outsideWindows, "session \(p.id) is outside its windows", sessions: [p.id], rooms: [p.roomID])]
    }
}
