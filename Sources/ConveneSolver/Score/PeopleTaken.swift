/// The minutes other sessions take from one session's people, and the bounds its order sets, gathered
/// once for a scan over many of its starts: `check` answers as `ScheduleState.personCheck` without picks
/// does, from one small array instead of each person's sessions.
struct PeopleTaken {
    /// Others' minutes, and whether they clash (a required person in both) or add an optional conflict.
    private var spans: [(start: Int, end: Int, clash: Bool)] = []
    /// The latest end of a scheduled session this one must follow.
    private var earliest = Int.min
    /// The earliest start of a scheduled session that must follow this one.
    private var latest = Int.max
    private let duration: Int

    init(_ state: ScheduleState, _ s: Int) {
        // Read through `state`, not a local copy: copying the problem retains and releases each of its tables.
        duration = state.problem.duration[s]
        for m in state.problem.members[s] {
            for o in state.attending[Int(m.person)] where Int(o.person) != s {
                let os = Int(o.person)
                spans.append((state.startMinute[os], state.end(os), m.required && o.required))
            }
        }
        for b in state.problem.after[s] where state.isScheduled(Int(b)) { earliest = max(earliest, state.end(Int(b))) }
        for a in state.problem.before[s] where state.isScheduled(Int(a)) { latest = min(latest, state.startMinute[Int(a)]) }
    }

    /// Whether the session starting at minute `t` clashes for a required person or its order, and how
    /// many optional conflicts it would add.
    @inline(__always)
    func check(start t: Int) -> (clash: Bool, optional: Int) {
        let e = t + duration
        if t < earliest || e > latest { return (true, 0) }
        var optional = 0
        for span in spans where ScheduleState.overlap(t, e, span.start, span.end) {
            if span.clash { return (true, 0) }
            optional += 1
        }
        return (false, optional)
    }
}
