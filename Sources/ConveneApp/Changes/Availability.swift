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
        let days = plan.event.days.map(\.hours)
        guard let first = days.map(\.start).min(), let last = days.map(\.end).max() else { return Availability() }
        let window = Interval(start: first.adding(minutes: -1440), end: last.adding(minutes: 1440))
        var out = Availability()
        for person in plan.event.stakeholders {
            for file in person.calendars {
                let path = file.hasPrefix("/") ? file : (plan.directory as NSString).appendingPathComponent(file)
                let read = try CalendarReader.read(path: path, window: window, floatingZone: person.timeZone)
                out.periods[person.id, default: []] += read.periods
                out.skipped += read.skipped
            }
        }
        return out
    }
}
