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
                unavailable: Interval.merge(p.unavailable + (busy[p.id] ?? []) + outsideHoursOfOptional(p)).map(local), hours: p.hours,
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

    /// The times outside an optional person's acceptable hours, over the event's days and one day
    /// either side, for someone required in no session and a candidate of no pick.
    ///
    /// Acceptable hours bind only participants (H8); for an optional person they cost as an absence
    /// does (`optionalUnavailable`), so no one is invited to join at 01:00 their time for free. Written
    /// as unavailable times, one score holds everywhere: the search, `validate`, and any reader of
    /// the instance that counts optional people's absences.
    func outsideHoursOfOptional(_ p: Stakeholder) -> [Interval] {
        guard let hours = p.hours, let range = hours.acceptable, let zone = ZoneRules(identifier: hours.zone),
              let opens = days.map(\.opens).min(), let closes = days.map(\.closes).max(),
              !sessions.contains(where: { $0.required.contains(p.id) || ($0.pick ?? []).contains { $0.from.contains(p.id) } })
        else { return [] }
        var out: [Interval] = []
        var date = zone.local(opens).date.adding(days: -1)
        let last = zone.local(closes).date.adding(days: 1)
        while date <= last {
            let midnight = LocalDateTime(date: date, minuteOfDay: 0)
            let at = { (minute: Int) in zone.instant(midnight.adding(minutes: minute)) }
            if range.start > 0 { out.append(Interval(start: at(0), end: at(range.start))) }
            if range.end < 1440 { out.append(Interval(start: at(range.end), end: at(1440))) }
            date = date.adding(days: 1)
        }
        return out
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
