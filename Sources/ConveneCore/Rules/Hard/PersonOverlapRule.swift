/// H5: no person required in two sessions has them overlap.
package struct PersonOverlapRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .personDoubleBooked }
    package var code: String? { "H5" }

    /// What one sweep over each person's sessions in time order finds: pairs that both require
    /// the person (breaches), and pairs where either only lists them as optional (optional conflicts).
    struct Sweep {
        var breaches: [Breach] = []
        var optionalConflicts = 0
    }

    private struct Entry {
        var start: Int, end: Int, session: String, required: Bool
    }

    /// The sweep of the format's checker: each person's sessions sorted by start, end, id and
    /// role, each compared with those still running.
    static func sweep(_ review: Review) -> Sweep {
        var order: [String] = []
        var byPerson: [String: [Entry]] = [:]
        func add(_ pid: String, _ e: Entry) {
            if byPerson[pid] == nil { order.append(pid) }
            byPerson[pid, default: []].append(e)
        }
        for p in review.placed {
            let s = review.facts.sessions[p.session]
            for pid in p.participants { add(pid, Entry(start: p.start, end: p.end, session: s.id, required: true)) }
            for pid in s.optional { add(pid, Entry(start: p.start, end: p.end, session: s.id, required: false)) }
        }
        var result = Sweep()
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
                        result.breaches.append(Breach(
                            .personDoubleBooked, "required person \(pid) is in overlapping sessions \(other.session) and \(e.session)",
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

    package func breaches(in review: Review) -> [Breach] { Self.sweep(review).breaches }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let x = review.placement(of: b.sessions[0]), let y = review.placement(of: b.sessions[1]) else { return b.text }
        return "\(words.person(b.people[0])) is required in both \(words.session(b.sessions[0])) "
            + "and \(words.session(b.sessions[1])) at \(words.span(max(x.start, y.start), min(x.end, y.end), review.facts))"
    }
}
