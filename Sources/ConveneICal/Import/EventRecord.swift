import CLibical

/// What one VEVENT says about when its owner is busy, read out of libical into Swift values.
struct EventRecord {
    /// A point in time as the calendar wrote it: a wall-clock value and the zone to read it in.
    struct Moment {
        var time: icaltimetype
        var zone: ZoneTable.Zone
        var isDate: Bool { time.is_date != 0 }
    }

    /// One RDATE value: a start, and an end when it was given as a PERIOD.
    struct ExtraDate {
        var start: Moment
        var end: Moment?
        var duration: Int64?
    }

    var uid: String?
    var summary: String?
    var line: Int
    var start: Moment
    var end: Moment?
    /// DURATION in seconds, when given instead of DTEND.
    var duration: Int64?
    var rules: [icalrecurrencetype] = []
    var extraDates: [ExtraDate] = []
    var exceptions: [Moment] = []
    var recurrenceID: Moment?
    var thisAndFuture = false
    var free = false

    /// Reads a VEVENT; throws when it has no usable DTSTART.
    init(component c: OpaquePointer, zones: ZoneTable, line: Int) throws {
        self.line = line
        uid = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY).flatMap { LibicalText.borrowed(icalproperty_get_uid($0)) }
        summary = icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY)
            .flatMap { LibicalText.borrowed(icalproperty_get_summary($0)) }
        guard let dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY) else {
            throw ICalError(line: line, message: "VEVENT has no DTSTART")
        }
        let startTime = icalproperty_get_dtstart(dtstart)
        guard icaltime_is_null_time(startTime) == 0, icaltime_is_valid_time(startTime) != 0 else {
            throw ICalError(line: line, message: "VEVENT has an unreadable DTSTART")
        }
        start = Moment(time: startTime, zone: zones.zone(of: startTime, property: dtstart))
        if let dtend = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY) {
            let t = icalproperty_get_dtend(dtend)
            if icaltime_is_null_time(t) == 0 { end = Moment(time: t, zone: zones.zone(of: t, property: dtend)) }
        } else if let p = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY) {
            duration = Int64(icaldurationtype_as_int(icalproperty_get_duration(p)))
        }
        var p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY)
        while let rrule = p {
            rules.append(icalproperty_get_rrule(rrule))
            p = icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY)
        }
        p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY)
        while let rdate = p {
            let value = icalproperty_get_rdate(rdate)
            if icaltime_is_null_time(value.time) == 0 {
                extraDates.append(ExtraDate(start: Moment(time: value.time, zone: zones.zone(of: value.time, property: rdate))))
            } else if icalperiodtype_is_null_period(value.period) == 0 {
                let s = value.period.start
                var extra = ExtraDate(start: Moment(time: s, zone: zones.zone(of: s, property: rdate)))
                if icaltime_is_null_time(value.period.end) == 0 {
                    extra.end = Moment(time: value.period.end, zone: zones.zone(of: value.period.end, property: rdate))
                } else {
                    extra.duration = Int64(icaldurationtype_as_int(value.period.duration))
                }
                extraDates.append(extra)
            }
            p = icalcomponent_get_next_property(c, ICAL_RDATE_PROPERTY)
        }
        p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY)
        while let exdate = p {
            let t = icalproperty_get_exdate(exdate)
            if icaltime_is_null_time(t) == 0 { exceptions.append(Moment(time: t, zone: zones.zone(of: t, property: exdate))) }
            p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)
        }
        if let rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY) {
            let t = icalproperty_get_recurrenceid(rid)
            recurrenceID = Moment(time: t, zone: zones.zone(of: t, property: rid))
            if let range = icalproperty_get_first_parameter(rid, ICAL_RANGE_PARAMETER) {
                thisAndFuture = icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE
            }
        }
        if let transp = icalcomponent_get_first_property(c, ICAL_TRANSP_PROPERTY) {
            let value = icalproperty_get_transp(transp)
            free = value == ICAL_TRANSP_TRANSPARENT || value == ICAL_TRANSP_TRANSPARENTNOCONFLICT
        }
        if let status = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY),
           icalproperty_get_status(status) == ICAL_STATUS_CANCELLED {
            free = true
        }
    }
}
