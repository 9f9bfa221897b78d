import CLibical
import ConveneCore

/// Writes a feed's times: local wall time with a plain IANA TZID, and one VTIMEZONE for it.
///
/// libical's built-in zones carry a `/freeassociation.sourceforge.net/` TZID prefix that strict
/// parsers reject, so the VTIMEZONE is a truncated copy renamed to the IANA name, and DTSTART and
/// DTEND get a floating local time plus a TZID parameter.
struct FeedClock {
    let zoneName: String
    /// Nil for UTC, whose times are written with a trailing Z.
    private let zone: OpaquePointer?
    /// The zone's rules, to tell a local time the clock shows twice.
    private let rules: ZoneRules?

    init(zone name: String) throws {
        zoneName = name
        rules = ZoneRules(identifier: name)
        if name == "UTC" || name == "Etc/UTC" {
            zone = nil
        } else {
            guard let builtin = name.withCString({ icaltimezone_get_builtin_timezone($0) }) else {
                throw ICalError(field: "time_zone", message: "'\(name)' is not a time zone libical knows (is tzdata installed?)")
            }
            zone = builtin
        }
    }

    /// A fresh VTIMEZONE whose TZID is the plain IANA name; nil for UTC.
    func vtimezone() -> OpaquePointer? {
        guard let zone, let source = icaltimezone_get_component(zone), let copy = icalcomponent_new_clone(source) else { return nil }
        var from = icaltime_null_time()
        from.year = 1970
        from.month = 1
        from.day = 1
        // No end: a bounded copy gains TZUNTIL, which older parsers do not know.
        icaltimezone_truncate_vtimezone(copy, from, icaltime_null_time(), 1)
        if let tzid = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(tzid, zoneName)
        }
        return copy
    }

    /// A UTC time for DTSTAMP and LAST-MODIFIED.
    func utc(_ instant: Instant) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(instant.secondsSinceEpoch), 0, icaltimezone_get_utc_timezone())
    }

    /// DTSTART and DTEND of a session: local times with the zone's TZID, or both in UTC when the
    /// clock shows either time twice (the hour repeated when clocks go back), where a local time would
    /// let readers pick the other instant (01:00 BST – 01:00 GMT read as a 0-minute event).
    func properties(_ interval: Interval) -> [OpaquePointer] {
        let ambiguous = rules.map { $0.isAmbiguous(interval.start) || $0.isAmbiguous(interval.end) } ?? false
        return [property(ICAL_DTSTART_PROPERTY, interval.start, local: !ambiguous),
                property(ICAL_DTEND_PROPERTY, interval.end, local: !ambiguous)]
    }

    /// DTSTART or DTEND at an instant, in the feed's zone unless `local` is false or the zone is UTC.
    private func property(_ kind: icalproperty_kind, _ instant: Instant, local inZone: Bool) -> OpaquePointer {
        guard let zone, inZone else {
            let t = utc(instant)
            return kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart(t) : icalproperty_new_dtend(t)
        }
        var local = icaltime_from_timet_with_zone(time_t(instant.secondsSinceEpoch), 0, zone)
        local.zone = nil
        let p = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart(local) : icalproperty_new_dtend(local)
        icalproperty_add_parameter(p, icalparameter_new_tzid(zoneName))
        return p!
    }
}
