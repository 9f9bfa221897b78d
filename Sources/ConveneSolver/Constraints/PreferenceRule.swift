/// Soft `preference`: a scheduled session with preferred windows that lies in none of them.
struct PreferenceRule: Sendable {
    func penalty(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> Int {
        guard !p.session.preferred.isEmpty else { return 0 }
        return schedule.minuteSet(p.session.preferred).contains(p.start, p.end) ? 0 : 1
    }
}
