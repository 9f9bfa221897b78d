import ConveneCore

/// A person's acceptable and preferred hours of the day, as a plan writes them.
struct PersonHours {
    var acceptable: Instance.ClockRange?
    var preferred: Instance.ClockRange?

    /// What a remote person gets when neither the event nor the person says otherwise: nothing
    /// before 07:00 or after 22:00 their time, and rather 09:00–18:00.
    static let remoteDefaults = PersonHours(acceptable: .init(start: 7 * 60, end: 22 * 60), preferred: .init(start: 9 * 60, end: 18 * 60))
}

extension PlanReader {
    /// `{acceptable: ["HH:MM", "HH:MM"], preferred: […]}`; a field left out keeps its default, `null` drops it.
    func readHours(_ node: PlanNode, defaults: PersonHours) -> PersonHours {
        guard let f = fields(node, known: ["acceptable", "preferred"]) else { return defaults }
        var hours = defaults
        if let n = f["acceptable"] { hours.acceptable = n.isNull ? nil : clockRange(n) }
        if let n = f["preferred"] { hours.preferred = n.isNull ? nil : clockRange(n) }
        if let a = hours.acceptable, let p = hours.preferred, p.start < a.start || p.end > a.end {
            warning(f["preferred"] ?? f["acceptable"] ?? node, "'\(node.path)': preferred hours \(span(p)) reach outside the "
                + "acceptable hours \(span(a)); only \(span(a)) can be used")
        }
        return hours
    }

    /// A person's hours in the zone they are in during the event: their own when they join remotely (the
    /// event's `remoteHours` unless they give their own), the event's when they come in person.
    func personHours(_ f: [String: PlanNode], remote: Bool?, zone personZone: String) -> Instance.Hours? {
        let own = f["hours"].map { readHours($0, defaults: remote == true ? remoteHours : PersonHours()) }
        guard let hours = remote == true ? own ?? remoteHours : own, hours.acceptable != nil || hours.preferred != nil
        else { return nil }
        return Instance.Hours(zone: remote == true ? personZone : zone.identifier, acceptable: hours.acceptable,
                              preferred: hours.preferred)
    }

    /// `["HH:MM", "HH:MM"]` within one day, the start before the end.
    private func clockRange(_ node: PlanNode) -> Instance.ClockRange? {
        guard let items = node.items, items.count == 2 else {
            error(node, "'\(node.path)' must be two times of day, [\"HH:MM\", \"HH:MM\"]")
            return nil
        }
        guard let start = minuteOfDay(items[0]), let end = minuteOfDay(items[1]) else { return nil }
        guard start < end else {
            error(items[1], "'\(node.path)' ends before it starts; hours lie within one day (use \"24:00\" for midnight)")
            return nil
        }
        return Instance.ClockRange(start: start, end: end)
    }

    private func span(_ r: Instance.ClockRange) -> String {
        "\(Instance.ClockRange.text(r.start))–\(Instance.ClockRange.text(r.end))"
    }
}
