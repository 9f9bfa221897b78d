/// H6 for people: every required person exists and is available at every moment of the session.
struct RequiredPersonRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        var out: [Finding] = []
        for pid in p.session.required {
            guard let busy = schedule.personBusy[pid] else {
                out.append(.problem("session \(p.id) requires unknown person \(pythonRepr(pid))"))
                continue
            }
            if busy.touches(p.start, p.end) {
                out.append(.rule("H6", .personUnavailable, "required person \(pid) is unavailable during session \(p.id)",
                                 sessions: [p.id], people: [pid], rooms: [p.roomID]))
            }
        }
        return out
    }
}
