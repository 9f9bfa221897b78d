import CLibical
import ConveneCore

/// The state of reading one calendar text: its zones, its events by UID, and what went wrong.
struct CalendarReading {
    let source: String
    let map: SourceMap
    let window: (start: Int64, end: Int64)
    private var occurrences: [Occurrence] = []
    private var skipped: [ICalError] = []
    private var notes: [ICalError] = []
    private var blockIndex = 0
    private var components = 0
    private var usable = 0

    /// Properties whose loss changes when the person is busy: an error in one drops its component.
    private static let timeProperties: Set<String> = [
        "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "TRANSP", "STATUS", "FREEBUSY",
    ]

    /// The calendar's recurrence budget, shared by its events and its own time zones.
    private let budget = WorkBudget()

    init(source: String, map: SourceMap, window: (start: Int64, end: Int64)) {
        self.source = source
        self.map = map
        self.window = window
    }

    mutating func read(root: OpaquePointer, floatingZone: String) throws {
        if icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT {
            try readCalendar(root, floatingZone: floatingZone)
        } else {
            // Several calendars in one text come wrapped in an XROOT that has no BEGIN line.
            var c = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT)
            while let calendar = c {
                if icalcomponent_isa(calendar) == ICAL_VCALENDAR_COMPONENT {
                    try readCalendar(calendar, floatingZone: floatingZone)
                } else {
                    blockIndex += countBlocks(calendar)
                }
                c = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)
            }
        }
        if components > 0, usable == 0, let first = skipped.first {
            throw first
        }
    }

    func result() -> CalendarImport {
        let periods = occurrences.sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map {
            BusyPeriod(
                interval: Interval(start: Instant(secondsSinceEpoch: $0.start), end: Instant(secondsSinceEpoch: $0.end)),
                strength: $0.tentative ? .tentative : .busy, summary: $0.summary, source: source)
        }
        return CalendarImport(periods: periods, skipped: skipped, notes: notes)
    }

    private mutating func readCalendar(_ calendar: OpaquePointer, floatingZone: String) throws {
        let calendarBlock = blockIndex
        blockIndex += 1
        reportErrors(in: calendar, block: calendarBlock, what: "VCALENDAR")
        let zones = try ZoneTable(floatingZone: floatingZone, calendarZone: xProperty(calendar, "X-WR-TIMEZONE"), budget: budget)
        var series: [String: (master: EventRecord?, overrides: [EventRecord])] = [:]
        var order: [String] = []
        var c = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT)
        // VTIMEZONEs may come after the events that use them.
        var deferred: [(OpaquePointer, Int)] = []
        while let child = c {
            let block = blockIndex
            blockIndex += countBlocks(child)
            let kind = icalcomponent_isa(child)
            if kind == ICAL_VTIMEZONE_COMPONENT {
                if let reason = zones.add(vtimezone: child) {
                    skipped.append(error(block: block, field: "TZID", reason + "; times naming it are read as floating"))
                }
            } else if kind == ICAL_VEVENT_COMPONENT || kind == ICAL_VFREEBUSY_COMPONENT {
                deferred.append((child, block))
            }
            c = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)
        }
        for (child, block) in deferred {
            components += 1
            let kind = icalcomponent_isa(child)
            let name = kind == ICAL_VEVENT_COMPONENT ? "VEVENT" : "VFREEBUSY"
            guard reportErrors(in: child, block: block, what: name) else { continue }
            if kind == ICAL_VFREEBUSY_COMPONENT {
                readFreeBusy(child, block: block, zones: zones)
                usable += 1
                continue
            }
            do {
                var record = try EventRecord(component: child, zones: zones, line: map.blocks[safe: block]?.line ?? 1)
                record.summary = record.summary.map(Self.printable)
                usable += 1
                let key = record.uid ?? "#\(block)"
                if series[key] == nil { order.append(key) }
                if record.recurrenceID == nil, series[key]?.master == nil {
                    series[key, default: (nil, [])].master = record
                } else {
                    series[key, default: (nil, [])].overrides.append(record)
                }
            } catch let e as ICalError {
                skipped.append(error(block: block, field: "DTSTART", e.message + "; the VEVENT is skipped"))
            }
        }
        let expander = SeriesExpander(zones: zones, window: window, budget: budget)
        var problems: [ICalError] = []
        for key in order {
            guard let s = series[key] else { continue }
            expander.expand(master: s.master, overrides: s.overrides, into: &occurrences, problems: &problems)
        }
        skipped += problems.map { ICalError(file: source, line: $0.line, field: "RRULE", message: $0.message) }
        for tzid in zones.unknown {
            notes.append(ICalError(
                file: source, line: map.firstLine(containing: tzid), field: "TZID",
                message: "unknown time zone '\(tzid)': its times are read as floating time"))
        }
    }

    private mutating func readFreeBusy(_ c: OpaquePointer, block: Int, zones: ZoneTable) {
        // libical reads a malformed period (Outlook 2003's 7-digit dates) as some other date without
        // a word: only periods that agree with a well-formed period of the text are used.
        var written: [PeriodText: Int] = [:]
        for property in map.properties("FREEBUSY", inBlock: block) {
            for piece in map.value(of: property).split(separator: ",", omittingEmptySubsequences: false) {
                if let period = PeriodText(piece) {
                    written[period, default: 0] += 1
                } else {
                    skipped.append(ICalError(
                        file: source, line: property.line, field: "FREEBUSY",
                        message: "'\(Self.printable(String(piece.prefix(80))))' is not a period "
                            + "(YYYYMMDDTHHMMSS[Z]/end or /duration); the period is skipped"))
                }
            }
        }
        var p = icalcomponent_get_first_property(c, ICAL_FREEBUSY_PROPERTY)
        while let property = p {
            p = icalcomponent_get_next_property(c, ICAL_FREEBUSY_PROPERTY)
            let period = icalproperty_get_freebusy(property)
            guard let key = PeriodText(period), let left = written[key], left > 0 else { continue }
            written[key] = left - 1
            var tentative = false
            if let parameter = icalproperty_get_first_parameter(property, ICAL_FBTYPE_PARAMETER) {
                let type = icalparameter_get_fbtype(parameter)
                if type == ICAL_FBTYPE_FREE { continue }
                tentative = type == ICAL_FBTYPE_BUSYTENTATIVE
            }
            let start = zones.seconds(period.start, in: zones.zone(of: period.start, property: property))
            let end = icaltime_is_null_time(period.end) == 0
                ? zones.seconds(period.end, in: zones.zone(of: period.end, property: property))
                : start + Int64(icaldurationtype_as_int(period.duration))
            guard end > window.start, start < window.end else { continue }
            occurrences.append(Occurrence(start: start, end: end, summary: nil, tentative: tentative))
        }
    }

    /// Reports libical's X-LIC-ERROR properties in a component and its children; false when the
    /// component itself must be skipped because a time property was lost.
    ///
    /// Walks the tree with a stack, not recursion: nesting depth is the calendar's to choose.
    @discardableResult
    private mutating func reportErrors(in root: OpaquePointer, block rootBlock: Int, what rootName: String) -> Bool {
        var keep = true
        // Depth-first in document order, so the n-th component visited is block rootBlock + n.
        var pending: [OpaquePointer] = [root]
        var visited = 0
        while let c = pending.popLast() {
            let block = rootBlock + visited
            visited += 1
            let isRoot = c == root
            let what = isRoot ? rootName : (LibicalText.borrowed(icalcomponent_kind_to_string(icalcomponent_isa(c))) ?? "component")
            if !reportOwnErrors(in: c, block: block, what: what), isRoot { keep = false }
            // Errors inside VALARMs and other children lose only that child's property; the
            // calendar's own children are reported one by one as they are read.
            guard rootName != "VCALENDAR" else { break }
            var children: [OpaquePointer] = []
            var it = icalcomponent_begin_component(c, ICAL_ANY_COMPONENT)
            while let child = icalcompiter_deref(&it) {
                children.append(child)
                _ = icalcompiter_next(&it)
            }
            pending.append(contentsOf: children.reversed())
        }
        return keep
    }

    private mutating func reportOwnErrors(in c: OpaquePointer, block: Int, what: String) -> Bool {
        var keep = true
        var seen: [String: Int] = [:]
        var reported = 0, unreported = 0
        var p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY)
        while let property = p {
            p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)
            let raw = LibicalText.borrowed(icalproperty_get_xlicerror(property)) ?? "parse error"
            let field = Self.propertyName(in: raw).map(Self.printable)
            let occurrence = seen[field ?? "", default: 0]
            seen[field ?? "", default: 0] += 1
            // A bad period loses only itself: readFreeBusy reports it on its own line and keeps the others.
            if what == "VFREEBUSY", field == "FREEBUSY" { continue }
            let fatal = what != "VCALENDAR" && (field.map { Self.timeProperties.contains($0) } ?? true)
            if fatal { keep = false }
            guard reported < CalendarLimits.errorsPerComponent else {
                unreported += 1
                continue
            }
            reported += 1
            let message = Self.printable(raw)
            let line = field.flatMap { map.line(of: $0, inBlock: block, occurrence: occurrence) } ?? map.blocks[safe: block]?.line
            let consequence = fatal ? "the \(what) is skipped" : "the property is skipped"
            skipped.append(ICalError(file: source, line: line, field: field, message: "\(message.trimmingSpaces) (\(consequence))"))
        }
        if unreported > 0 {
            skipped.append(error(block: block, field: nil, "\(unreported) more errors in this \(what) are not listed"
                + (keep ? "" : "; the \(what) is skipped")))
        }
        return keep
    }

    private static func propertyName(in message: String) -> String? {
        // libical says e.g. "No value for LOCATION property. Removing entire property:".
        let words = message.utf8.split(separator: UInt8(ascii: " "), maxSplits: 12)
        guard let at = words.firstIndex(where: { $0.starts(with: "property".utf8) }),
              at > 0 else { return nil }
        // Property names are upper case in libical's messages ("could not find a property name" names none).
        let name = String(decoding: words[at - 1], as: UTF8.self)
        return name.contains(where: \.isLowercase) ? nil : name
    }

    /// How many components `c` holds, itself included: its share of the text's BEGIN lines.
    private func countBlocks(_ c: OpaquePointer) -> Int {
        var n = 0
        var pending: [OpaquePointer] = [c]
        while let k = pending.popLast() {
            n += 1
            var it = icalcomponent_begin_component(k, ICAL_ANY_COMPONENT)
            while let child = icalcompiter_deref(&it) {
                pending.append(child)
                _ = icalcompiter_next(&it)
            }
        }
        return n
    }

    /// Text from a calendar made safe to print: control, bidi-override and line-separator
    /// characters become spaces, and it is cut at 200 characters.
    static func printable(_ text: String) -> String { PrintableText.printable(text) }

    private func xProperty(_ c: OpaquePointer, _ name: String) -> String? {
        var p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY)
        while let property = p {
            if LibicalText.borrowed(icalproperty_get_x_name(property))?.uppercased() == name {
                return LibicalText.borrowed(icalproperty_get_x(property))?.trimmingSpaces
            }
            p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)
        }
        return nil
    }

    private func error(block: Int, field: String?, _ message: String) -> ICalError {
        ICalError(file: source, line: map.blocks[safe: block]?.line, field: field, message: message)
    }

}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
