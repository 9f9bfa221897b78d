public import ConveneCore

/// The engine's own checker: every broken hard rule of the instance format, in words, and the score.
///
/// It agrees with the format's reference checker (`validate.py`) finding for finding,
/// so the engine, the benchmarks and any other solver are judged alike.
public enum Validator {
    static let placementRules: [any PlacementRule] = [
        DayRule(), CapacityRule(), FeatureRule(), RoomUnavailableRule(), RequiredPersonRule(),
        WindowRule(), AfterRule(), PinRule(),
    ]

    /// Checks a solution against its instance.
    public static func validate(_ instance: Instance, _ solution: Solution) -> Validation {
        var schedule = CheckedSchedule(instance: instance)
        var findings: [Finding] = schedule.offMinute.map { .problem("instant not on a whole minute: \($0.iso8601)") }

        for a in solution.assignments {
            guard let session = schedule.sessions[a.session] else {
                findings.append(.problem("assignment names unknown session \(pythonRepr(a.session))"))
                continue
            }
            if schedule.placedIndex[a.session] != nil {
                findings.append(.problem("session \(a.session) is assigned twice"))
                continue
            }
            guard let room = schedule.rooms[a.room] else {
                findings.append(.problem("session \(a.session) is in unknown room \(pythonRepr(a.room))"))
                continue
            }
            if schedule.isOffMinute(a.start) { findings.append(.problem("instant not on a whole minute: \(a.start.iso8601)")) }
            let start = schedule.minutes(a.start)
            schedule.placedIndex[a.session] = schedule.placed.count
            schedule.placed.append(.init(id: a.session, session: session, roomID: a.room, room: room,
                                         start: start, end: start + session.duration))
        }
        var listed = Set<String>()
        var listedOrder: [String] = []
        for u in solution.unscheduled {
            if schedule.sessions[u.session] == nil {
                findings.append(.problem("unscheduled names unknown session \(pythonRepr(u.session))"))
            } else if schedule.placedIndex[u.session] != nil || listed.contains(u.session) {
                findings.append(.problem("session \(u.session) is listed twice"))
            }
            if listed.insert(u.session).inserted { listedOrder.append(u.session) }
        }
        let missing = schedule.sessionOrder.filter { schedule.placedIndex[$0] == nil && !listed.contains($0) }
        if let first = missing.first {
            findings.append(.problem("\(missing.count) sessions appear neither assigned nor unscheduled, e.g. \(first)"))
        }

        for p in schedule.placed {
            for rule in placementRules { findings += rule.check(p, in: schedule) }
        }
        findings += PinRule().unscheduled(listedOrder + missing, in: schedule)
        findings += RoomOverlapRule().check(schedule)
        let people = PersonOverlapRule().check(schedule)
        findings += people.findings

        var breakdown = Validation.SoftBreakdown(optionalConflict: people.optionalConflicts)
        for p in schedule.placed {
            breakdown.optionalUnavailable += OptionalUnavailableRule().penalty(p, in: schedule)
            breakdown.preference += PreferenceRule().penalty(p, in: schedule)
        }
        breakdown.moved = MovedRule().penalty(schedule)
        let w = instance.weights
        let soft = w.optionalConflict * breakdown.optionalConflict + w.optionalUnavailable * breakdown.optionalUnavailable
            + w.preference * breakdown.preference + w.moved * breakdown.moved
        let unscheduled = schedule.sessionOrder.reduce(0) { n, id in
            n + (schedule.placedIndex[id] == nil ? schedule.sessions[id]!.priority : 0)
        }
        return Validation(
            violations: findings.compactMap(\.conflict),
            problems: findings.filter { $0.rule == nil }.map(\.text),
            messages: findings.map(\.line),
            score: Score(unscheduled: unscheduled, soft: soft),
            breakdown: breakdown,
            scheduled: schedule.placed.count,
            sessions: schedule.sessionOrder.count)
    }
}
