extension Event {
    /// The neutral scheduling problem this event poses.
    ///
    /// Version 1 unless the plan uses something only version 2 can say (people's own hours,
    /// exclusive sessions, turnover, series, picks, people kept apart); then the instance also
    /// names the event's zone. Breaks close every room.
    ///
    /// - Parameter busy: each person's busy times from their calendars, added to
    ///   what the plan itself marks unavailable.
    /// - Parameter ifNeedBe: times each person marked "if need be", soft only.
    /// - Parameter previous: a schedule already published, so re-planning moves little.
    public func instance(busy: [String: [Interval]] = [:], ifNeedBe: [String: [Interval]] = [:],
                         previous: [Assignment] = []) -> Instance {
        let zone = ZoneRules(identifier: timeZone)
        func local(_ i: Instant) -> Instant { zone?.localized(i) ?? i }
        func local(_ i: Interval) -> Interval { Interval(start: local(i.start), end: local(i.end)) }
        let people = stakeholders.map { p in
            Instance.Person(
                id: p.id, group: p.group.rawValue,
                unavailable: Interval.merge(p.unavailable + (busy[p.id] ?? [])).map(local), hours: p.hours,
                ifNeedBe: Interval.merge(ifNeedBe[p.id] ?? []).map(local))
        }
        let sessions = self.sessions.map { s in
            Instance.Session(
                id: s.id, duration: s.duration, audience: s.audience, required: s.required, optional: s.optional,
                features: s.features, windows: s.windows.map(local), preferred: s.preferred.map(local),
                after: s.after, priority: s.priority,
                fixed: s.pin.map { Instance.Placement(room: $0.room, start: local($0.start)) },
                exclusive: s.exclusive ?? false, pick: s.pick ?? [])
        }
        let breaks = (breaks ?? []).map(\.interval)
        var instance = Instance(
            name: id, slotMinutes: slotMinutes, days: days.map { local($0.hours) },
            rooms: rooms.map {
                Instance.Room(id: $0.id, name: $0.name.en ?? $0.name.ja, capacity: $0.capacity,
                              features: $0.features, unavailable: ($0.closures + breaks).map(local), turnover: $0.turnover ?? 0)
            },
            people: people, sessions: sessions, previous: previous, weights: weights, apart: apart ?? [],
            series: (series ?? []).map {
                Instance.Series(id: $0.id, sessions: $0.sessions, minDaysApart: $0.minDaysApart, maxDaysApart: $0.maxDaysApart)
            })
        if instance.usesVersion2 { instance.timeZone = timeZone }
        return instance
    }
}

extension Event {
    /// The neutral scheduling problem this event poses with people's busy periods: firm ones make
    /// them unavailable, "if need be" ones are soft, tentative ones weigh on nothing here.
    public func instance(periods: [String: [BusyPeriod]], previous: [Assignment] = []) -> Instance {
        func only(_ strength: BusyPeriod.Strength) -> [String: [Interval]] {
            periods.mapValues { $0.filter { $0.strength == strength }.map(\.interval) }.filter { !$0.value.isEmpty }
        }
        return instance(busy: only(.busy), ifNeedBe: only(.ifNeedBe), previous: previous)
    }
}
