import ConveneCore

/// Who may sit in a session beyond its required people: picks from candidates, composition maximums
/// and people kept apart; read with the session, proven when the whole plan is known.
extension PlanReader {
    /// `pick: [{from: [ids], count: N}]`, `count` 1 unless given.
    func readPicks(_ node: PlanNode?) -> [Instance.Pick] {
        list(node).compactMap { item in
            guard let f = fields(item, known: ["from", "count"], required: ["from"]) else { return nil }
            let from = identifiers(f["from"]).map(\.0)
            let count = f["count"].map { int($0, min: 1) } ?? 1
            if from.isEmpty, let n = f["from"], n.items?.isEmpty == true { error(n, "'\(n.path)' lists no candidate") }
            guard let count, !from.isEmpty else { return nil }
            return Instance.Pick(from: from, count: count)
        }
    }

    /// `composition` entries: `{groups: […]}` (at least one from each) or `{group: G, atMost: N}`.
    func readComposition(_ node: PlanNode?) -> ([CompositionRule], [CompositionLimit]) {
        var rules: [CompositionRule] = [], limits: [CompositionLimit] = []
        for c in list(node) {
            guard let f = fields(c, known: ["groups", "group", "atMost"]) else { continue }
            if f["group"] != nil || f["atMost"] != nil {
                if let g = f["groups"] { error(g, "'\(g.path)' goes in an entry of its own, not with 'atMost'") }
                for name in ["group", "atMost"] where f[name] == nil { error(c, "'\(c.path).\(name)' is missing") }
                if let group = enumValue(f["group"], StakeholderGroup.self), let n = int(f["atMost"]) {
                    limits.append(CompositionLimit(group: group, atMost: n))
                }
            } else if f["groups"] == nil {
                error(c, "'\(c.path).groups' is missing")
            } else {
                let groups = list(f["groups"]).compactMap { enumValue($0, StakeholderGroup.self) }
                if !groups.isEmpty { rules.append(CompositionRule(groups: groups)) }
            }
        }
        return (rules, limits)
    }

    /// `apart: [[id, id], …]`: sets of at least two people.
    func readApart(_ node: PlanNode?, _ at: inout PlanPositions) -> [[String]]? {
        at.apart = node
        let sets = list(node).compactMap { item -> [String]? in
            var people: [String] = []
            for (id, _) in identifiers(item) where !people.contains(id) { people.append(id) }
            guard people.count >= 2 else {
                if item.items != nil { error(item, "'\(item.path)' must name at least two different people") }
                return nil
            }
            return people
        }
        return sets.isEmpty ? nil : sets
    }

    /// Proves that every session can seat its people: candidates exist and are not also required,
    /// each pick group has enough of them, people kept apart can be kept apart, and no choice of
    /// picks exceeds a composition maximum.
    func checkPicks(_ event: Event, _ at: PlanPositions) {
        let group = Dictionary(event.stakeholders.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        for item in at.apart?.items ?? [] {
            for n in item.items ?? [] where n.scalar.map({ group[$0] == nil }) == true {
                error(n, "'apart' names unknown person '\(n.scalar!)'")
            }
        }
        let apart = (event.apart ?? []).map(Set.init)
        for s in event.sessions {
            guard let node = at.sessions[s.id] else { continue }
            let f = at.sessionFields[s.id] ?? [:]
            let picks = s.pick ?? []
            let items = f["pick"]?.items ?? []
            var named = Set(s.required + s.optional)
            var short = false
            for (g, item) in zip(picks, items) where picks.count == items.count {
                let written = item.pairs?.first { $0.key.scalar == "from" }?.value.items ?? []
                for (id, n) in zip(g.from, written) where g.from.count == written.count {
                    if group[id] == nil {
                        error(n, "session '\(s.id)' names unknown person '\(id)' as a candidate")
                    } else if !named.insert(id).inserted {
                        error(n, "session '\(s.id)' names '\(id)' twice: a candidate belongs to one pick group "
                            + "and is not also required or optional")
                    }
                }
                let candidates = Set(g.from).count
                if g.count > candidates {
                    short = true
                    let countNode = item.pairs?.first { $0.key.scalar == "count" }?.value ?? item
                    error(countNode, "session '\(s.id)' picks \(g.count) from \(candidates) candidate\(candidates == 1 ? "" : "s") "
                        + "in '\(item.path)'; list more candidates or pick fewer")
                }
            }
            if let clash = apart.lazy.map({ $0.intersection(s.required) }).first(where: { $0.count > 1 }) {
                error(f["required"] ?? node,
                      "session '\(s.id)' requires \(clash.sorted().joined(separator: " and ")), who are kept apart ('apart')")
            } else if !short, !picks.isEmpty, !Self.canPick(picks, required: s.required, apart: apart) {
                error(f["pick"] ?? node,
                      "session '\(s.id)' cannot pick from its groups without seating two people who are kept apart ('apart')")
            }
            checkLimits(s, f, group)
        }
    }

    /// Errors for composition maximums that some choice of picks, or the required people alone, exceed.
    private func checkLimits(_ s: Session, _ f: [String: PlanNode], _ group: [String: StakeholderGroup]) {
        let entries = (f["composition"]?.items ?? []).filter { $0.pairs?.contains { $0.key.scalar == "atMost" } == true }
        for (limit, entry) in zip(s.limits ?? [], entries) {
            let required = s.required.filter { group[$0] == limit.group }.count
            let picked = (s.pick ?? []).reduce(0) { sum, g in sum + min(g.count, g.from.filter { group[$0] == limit.group }.count) }
            guard required + picked > limit.atMost else { continue }
            error(entry, "session '\(s.id)' may seat \(required + picked) people from \(limit.group.rawValue) (\(required) required"
                + (picked > 0 ? ", up to \(picked) picked" : "") + "), more than its 'atMost: \(limit.atMost)'")
        }
    }

    /// True when some choice of `count` candidates from each group seats no two people of one apart set,
    /// required people included. The search is capped; past the cap it answers true (nothing proven).
    static func canPick(_ groups: [Instance.Pick], required: [String], apart: [Set<String>]) -> Bool {
        guard !apart.isEmpty, !groups.isEmpty else { return true }
        func clash(_ a: String, _ b: String) -> Bool { a != b && apart.contains { $0.contains(a) && $0.contains(b) } }
        var chosen = required
        var budget = 100_000
        func fill(_ g: Int, from start: Int, need: Int) -> Bool {
            budget -= 1
            if budget < 0 { return true }
            if need == 0 { return g + 1 == groups.count || fill(g + 1, from: 0, need: groups[g + 1].count) }
            let pool = groups[g].from
            guard pool.count - start >= need else { return false }
            for i in start..<pool.count where !chosen.contains(where: { clash($0, pool[i]) }) {
                chosen.append(pool[i])
                defer { chosen.removeLast() }
                if fill(g, from: i + 1, need: need - 1) { return true }
            }
            return false
        }
        return fill(0, from: 0, need: groups[0].count)
    }

    /// One candidate for each stakeholder group a pick group is sure to bring: every choice of `count`
    /// from it includes someone of that group. With the required people, these meet composition minimums.
    static func sureCandidates(_ session: Session?, _ event: Event) -> [String] {
        let group = Dictionary(event.stakeholders.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        return (session?.pick ?? []).flatMap { g in
            StakeholderGroup.allCases.compactMap { stakeholders in
                let others = g.from.filter { group[$0] != stakeholders }.count
                return g.count > others ? g.from.first { group[$0] == stakeholders } : nil
            }
        }
    }
}
