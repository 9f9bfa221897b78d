import CLibical

/// Resolves the TZIDs one calendar uses, and turns its wall-clock times into UTC seconds.
///
/// A TZID is looked up first among the calendar's own VTIMEZONEs, then as an IANA name in
/// libical's built-in zones (built from the system tzdata), then as a Windows zone name
/// through CLDR's table. Anything else is read as floating, and said so once.
final class ZoneTable {
    /// How one TZID (or the lack of one) is read.
    enum Zone {
        case utc
        /// A zone libical owns (built-in or UTC); never freed.
        case builtin(OpaquePointer)
        /// A zone built from the calendar's own VTIMEZONE.
        case own(OwnedTimeZone)
    }

    private var own: [String: OwnedTimeZone] = [:]
    private var cache: [String: Zone] = [:]
    /// The zone floating date-times are read in: the calendar's X-WR-TIMEZONE, else the person's.
    let floating: Zone
    /// The zone all-day dates are read in: the person's own days.
    let dates: Zone
    /// TZIDs that matched nothing, with how they were read.
    private(set) var unknown: [String] = []
    /// The calendar's recurrence budget: its own zones' offset changes spend from it too.
    let budget: WorkBudget

    init(floatingZone: String, calendarZone: String?, budget: WorkBudget = WorkBudget()) throws {
        self.budget = budget
        guard let zone = ZoneTable.builtin(floatingZone) else {
            throw ICalError(message: "unknown time zone '\(floatingZone)' for floating times (give an IANA name)")
        }
        dates = zone
        if let calendarZone, let declared = ZoneTable.builtin(calendarZone) {
            floating = declared
        } else {
            floating = zone
        }
    }

    /// Registers a VTIMEZONE of the calendar; nil when it is used, else why it cannot be.
    func add(vtimezone: OpaquePointer) -> String? {
        guard let property = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY),
              let tzid = LibicalText.borrowed(icalproperty_get_tzid(property)) else { return "VTIMEZONE has no TZID" }
        // libical expands a zone's rules to 2037 on first use, with no limit of its own: count first.
        guard transitionsWithinLimits(vtimezone) else {
            return "VTIMEZONE '\(tzid)' changes offset more than \(CalendarLimits.transitionsPerZone) times before 2038 "
                + "(or the calendar's recurrence budget is spent)"
        }
        guard let zone = OwnedTimeZone(vtimezone: vtimezone) else { return "libical cannot use VTIMEZONE '\(tzid)'" }
        own[tzid] = zone
        cache[tzid] = nil
        return nil
    }

    /// Whether the STANDARD and DAYLIGHT parts define few enough offset changes up to 2037,
    /// each one counted against the calendar's budget.
    private func transitionsWithinLimits(_ vtimezone: OpaquePointer) -> Bool {
        var total = 0
        var parts = icalcomponent_begin_component(vtimezone, ICAL_ANY_COMPONENT)
        while let part = icalcompiter_deref(&parts) {
            _ = icalcompiter_next(&parts)
            let kind = icalcomponent_isa(part)
            guard kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT else { continue }
            total += 1 + Int(icalcomponent_count_properties(part, ICAL_RDATE_PROPERTY))
            guard total <= CalendarLimits.transitionsPerZone, budget.spend() else { return false }
            let start = icalcomponent_get_dtstart(part)
            var rules = icalcomponent_get_first_property(part, ICAL_RRULE_PROPERTY)
            while let rule = rules {
                rules = icalcomponent_get_next_property(part, ICAL_RRULE_PROPERTY)
                guard RecurrenceRuleCheck.problem(icalproperty_get_rrule(rule)) == nil else { return false }
                guard icaltime_is_null_time(start) == 0,
                      let iterator = RecurrenceIterator(rule: icalproperty_get_rrule(rule), start: start) else { continue }
                let cost = RecurrenceRuleCheck.stepCost(icalproperty_get_rrule(rule))
                while let t = iterator.next(), t.year <= 2037 {
                    total += 1
                    guard total <= CalendarLimits.transitionsPerZone, budget.spend(cost) else { return false }
                }
            }
        }
        return true
    }

    /// The zone a TZID parameter names; the floating zone when it names nothing known.
    func zone(named tzid: String) -> Zone {
        if let hit = cache[tzid] { return hit }
        let zone: Zone
        if let mine = own[tzid] {
            zone = .own(mine)
        } else if let iana = ZoneTable.builtin(tzid) {
            zone = iana
        } else if let name = WindowsZones.ianaZone(for: tzid), let mapped = ZoneTable.builtin(name) {
            zone = mapped
        } else {
            unknown.append(tzid)
            zone = floating
        }
        cache[tzid] = zone
        return zone
    }

    /// UTC seconds for a wall-clock time read in `zone` (dates are read at midnight).
    func seconds(_ time: icaltimetype, in zone: Zone) -> Int64 {
        var t = time
        t.is_date = 0
        t.zone = nil
        switch zone {
        case .utc:
            return Int64(icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone()))
        case .builtin(let pointer):
            return Int64(icaltime_as_timet_with_zone(t, pointer))
        case .own(let owned):
            return owned.withUnsafeZone { Int64(icaltime_as_timet_with_zone(t, $0)) }
        }
    }

    /// The zone a property's value is in: UTC for a trailing `Z`, its TZID, or floating.
    func zone(of time: icaltimetype, property: OpaquePointer) -> Zone {
        if icaltime_is_utc(time) != 0 { return .utc }
        if time.is_date != 0 { return dates }
        if let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
           let tzid = LibicalText.borrowed(icalparameter_get_tzid(parameter)) {
            return zone(named: tzid)
        }
        return floating
    }

    private static func builtin(_ name: String) -> Zone? {
        if name == "UTC" || name == "Etc/UTC" || name == "Z" { return .utc }
        guard let pointer = name.withCString({ icaltimezone_get_builtin_timezone($0) }) else { return nil }
        return .builtin(pointer)
    }
}
