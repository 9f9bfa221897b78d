public import ConveneCore
public import ConveneICal
public import ConvenePlan
import Foundation

/// People's busy times gathered from the calendars a plan names.
public struct Availability: Sendable {
    /// Busy periods by person id.
    public var periods: [String: [BusyPeriod]] = [:]
    /// What could not be read, file and line, for the user to see.
    public var skipped: [ICalError] = []

    /// Only firm busy times: tentative ones weigh on optional attendance, never on required.
    public var hardIntervals: [String: [Interval]] {
        periods.mapValues { $0.filter { $0.strength == .busy }.map(\.interval) }
    }

    /// Reads every calendar the plan names, over the event's days (a day's margin either side),
    /// floating times in each person's home zone.
    public static func read(for plan: Plan) throws -> Availability {
        try read(event: plan.event, directory: plan.directory)
    }

    /// The span calendars are read over: the event's days with a day's margin either side; nil for no days.
    public static func window(for event: Event) -> Interval? {
        let days = event.days.map(\.hours)
        guard let first = days.map(\.start).min(), let last = days.map(\.end).max() else { return nil }
        return Interval(start: first.adding(minutes: -1440), end: last.adding(minutes: 1440))
    }

    /// The calendar files each person of `event` names, relative to `directory` (the plan file's folder).
    public static func files(of event: Event, directory: String) -> [(person: Stakeholder, path: String)] {
        event.stakeholders.flatMap { person in
            person.calendars.map { (person, $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0)) }
        }
    }

    /// Reads every calendar file `event` names, relative to `directory`, as `read(for:)` does.
    public static func read(event: Event, directory: String) throws -> Availability {
        guard let window = window(for: event) else { return Availability() }
        var out = Availability()
        for (person, path) in files(of: event, directory: directory) {
            let read = try CalendarReader.read(path: path, window: window, floatingZone: person.timeZone)
            out.periods[person.id, default: []] += read.periods
            out.skipped += read.skipped
        }
        return out
    }
}
