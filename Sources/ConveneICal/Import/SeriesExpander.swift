import CLibical
import ConveneCore

/// One busy span found in a calendar, in UTC seconds.
struct Occurrence {
    var start: Int64
    var end: Int64
    var summary: String?
    var tentative = false
}

/// Expands one UID's VEVENTs (a master and its RECURRENCE-ID overrides) into occurrences.
///
/// libical's RRULE iterator gives the wall-clock starts; RDATE, EXDATE and overrides (single and
/// RANGE=THISANDFUTURE) are applied here, because `icalcomponent_foreach_recurrence` still emits
/// overridden instances and ignores RDATE periods.
struct SeriesExpander {
    /// Most instances one series may produce before expansion stops.
    static let instanceCap = CalendarLimits.instancesPerSeries

    let zones: ZoneTable
    let window: (start: Int64, end: Int64)
    /// The calendar's recurrence budget: every step of every RRULE spends one.
    let budget: WorkBudget

    private enum Length {
        case seconds(Int64)
        case days(Int)
    }

    private struct Instance {
        var time: icaltimetype
        var start: Int64
        var end: Int64?
    }

    /// Emits the busy occurrences of a series; `problems` gets what could not be expanded.
    func expand(master: EventRecord?, overrides: [EventRecord], into out: inout [Occurrence], problems: inout [ICalError]) {
        guard let master else {
            for o in overrides { emit(o, start: seconds(o.start), length: length(of: o), into: &out) }
            return
        }
        let baseLength = length(of: master) ?? .seconds(0)
        var instances = [Instance(time: master.start.time, start: seconds(master.start), end: nil)]
        var seen: Set<Int64> = [instances[0].start]
        withPointer(master.start.zone) { zonePointer in
            var first = master.start.time
            if !master.start.isDate, icaltime_is_utc(first) == 0 { first.zone = zonePointer }
            for rule in master.rules {
                if let problem = RecurrenceRuleCheck.problem(rule) {
                    problems.append(ICalError(line: master.line, message: "RRULE of '\(master.summary ?? "event")' is not expanded (\(problem)); only its first instance is used"))
                    continue
                }
                guard let iterator = RecurrenceIterator(rule: rule, start: first) else {
                    problems.append(ICalError(line: master.line, message: "RRULE of '\(master.summary ?? "event")' cannot be expanded; only its first instance is used"))
                    continue
                }
                var count = 0
                let cost = RecurrenceRuleCheck.stepCost(rule)
                while true {
                    guard budget.spend(cost) else {
                        if !budget.reported {
                            budget.reported = true
                            problems.append(ICalError(line: master.line, message: "the calendar's recurrences take more than "
                                + "\(budget.bound); RRULE of '\(master.summary ?? "event")' and those after it are cut short"))
                        }
                        break
                    }
                    guard let t = iterator.next() else { break }
                    count += 1
                    if count > Self.instanceCap {
                        problems.append(ICalError(line: master.line, message: "RRULE of '\(master.summary ?? "event")' stopped after \(Self.instanceCap) instances"))
                        break
                    }
                    let s = zones.seconds(t, in: master.start.zone)
                    if s >= window.end { break }
                    if seen.insert(s).inserted { instances.append(Instance(time: t, start: s, end: nil)) }
                }
            }
        }
        for extra in master.extraDates {
            let s = seconds(extra.start)
            guard seen.insert(s).inserted else { continue }
            var end: Int64?
            if let e = extra.end { end = seconds(e) } else if let d = extra.duration { end = s + d }
            instances.append(Instance(time: extra.start.time, start: s, end: end))
        }

        var excludedStarts: Set<Int64> = []
        var excludedDays: Set<Int> = []
        for ex in master.exceptions {
            if ex.isDate || master.start.isDate { excludedDays.insert(dayNumber(ex.time)) } else { excludedStarts.insert(seconds(ex)) }
        }
        var single: [Int64: Int] = [:]
        var singleDays: [Int: Int] = [:]
        var future: [(start: Int64, index: Int)] = []
        for (i, o) in overrides.enumerated() {
            guard let rid = o.recurrenceID else { continue }
            if o.thisAndFuture { future.append((seconds(rid), i)) }
            if rid.isDate || master.start.isDate { singleDays[dayNumber(rid.time)] = i } else { single[seconds(rid)] = i }
        }
        future.sort { $0.start < $1.start }
        var used = Set<Int>()

        for instance in instances.sorted(by: { $0.start < $1.start }) {
            let day = dayNumber(instance.time)
            if excludedStarts.contains(instance.start) || excludedDays.contains(day) { continue }
            let match = master.start.isDate ? singleDays[day] : (single[instance.start] ?? singleDays[day])
            if let i = match {
                used.insert(i)
                let o = overrides[i]
                emit(o, start: seconds(o.start), length: length(of: o) ?? baseLength, into: &out)
            } else if let f = future.last(where: { $0.start <= instance.start }) {
                used.insert(f.index)
                let o = overrides[f.index]
                let shift = seconds(o.start) - f.start
                emit(o, start: instance.start + shift, length: length(of: o) ?? baseLength, into: &out)
            } else if let end = instance.end {
                emit(master, start: instance.start, length: .seconds(end - instance.start), into: &out)
            } else {
                emit(master, start: instance.start, time: instance.time, length: baseLength, into: &out)
            }
        }
        for (i, o) in overrides.enumerated() where !used.contains(i) {
            emit(o, start: seconds(o.start), length: length(of: o) ?? baseLength, into: &out)
        }
    }

    private func emit(_ e: EventRecord, start: Int64, time: icaltimetype? = nil, length: Length?, into out: inout [Occurrence]) {
        guard !e.free else { return }
        let end: Int64
        switch length ?? .seconds(0) {
        case .seconds(let s):
            end = start + max(0, s)
        case .days(let n):
            if var t = time ?? (e.start.isDate ? e.start.time : nil) {
                icaltime_adjust(&t, Int32(n), 0, 0, 0)
                end = zones.seconds(t, in: e.start.zone)
            } else {
                end = start + Int64(n) * 86_400
            }
        }
        guard end > window.start || (end == start && start >= window.start), start < window.end else { return }
        out.append(Occurrence(start: start, end: end, summary: e.summary))
    }

    private func length(of e: EventRecord) -> Length? {
        if let end = e.end {
            if e.start.isDate, end.isDate { return .days(max(0, dayNumber(end.time) - dayNumber(e.start.time))) }
            return .seconds(seconds(end) - seconds(e.start))
        }
        if let d = e.duration {
            return e.start.isDate && d % 86_400 == 0 ? .days(Int(d / 86_400)) : .seconds(d)
        }
        return e.start.isDate ? .days(1) : nil
    }

    private func seconds(_ m: EventRecord.Moment) -> Int64 { zones.seconds(m.time, in: m.zone) }

    private func dayNumber(_ t: icaltimetype) -> Int {
        LocalDate(year: Int(t.year), month: Int(t.month), day: Int(t.day)).daysSinceEpoch
    }

    /// Lends the C zone so that iterated times carry it (libical compares them with a UTC UNTIL).
    private func withPointer(_ zone: ZoneTable.Zone, _ body: (OpaquePointer?) -> Void) {
        switch zone {
        case .utc: body(icaltimezone_get_utc_timezone())
        case .builtin(let pointer): body(pointer)
        case .own(let owned): owned.withUnsafeZone { body($0) }
        }
    }
}
