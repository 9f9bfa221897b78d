/// H5 and the soft `optionalConflict`: one sweep over each person's sessions in time order.
///
/// Two overlapping sessions that both require a person break H5; when either only
/// lists the person as optional, the pair costs one optional conflict instead.
struct PersonOverlapRule: Sendable {
    struct Result {
        var findings: [Finding] = []
        var optionalConflicts = 0
    }

    private struct Entry {
        var start: Int, end: Int, session: String, required: Bool
    }

    func check(_ schedule: CheckedSchedule) -> Result {
        var order: [String] = []
        var byPerson: [String: [Entry]] = [:]
        func add(_ pid: String, _ e: Entry) {
            if byPerson[pid] == nil { order.append(pid) }
            byPerson[pid, default: []].append(e)
        }
        for p in schedule.placed {
            for pid in p.session.required { add(pid, Entry(start: p.start, end: p.end, session: p.id, required: true)) }
            for pid in p.session.optional { add(pid, Entry(start: p.start, end: p.end, session: p.id, required: false)) }
        }
        var result = Result()
        for pid in order {
            let list = byPerson[pid]!.sorted { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                if a.session != b.session { return codePointLess(a.session, b.session) }
                return !a.required && b.required
            }
            var active: [Entry] = []
            for e in list {
                active.removeAll { $0.end <= e.start }
                for other in active where other.session != e.session {
                    if e.required && other.required {
                        result.findings.append(.rule(
                            "H5", .personDoubleBooked,
                            "required person \(pid) is in overlapping sessions \(other.session) and \(e.session)",
                            sessions: [other.session, e.session], people: [pid]))
                    } else {
                        result.optionalConflicts += 1
                    }
                }
                active.append(e)
            }
        }
        return result
    }
}
