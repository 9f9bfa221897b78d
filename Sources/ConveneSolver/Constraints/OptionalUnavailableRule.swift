/// Soft `optionalUnavailable`: each optional person of a scheduled session who is away at some moment of it.
struct OptionalUnavailableRule: Sendable {
    func penalty(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> Int {
        p.session.optional.reduce(0) { n, pid in
            n + (schedule.personBusy[pid]?.touches(p.start, p.end) == true ? 1 : 0)
        }
    }
}
