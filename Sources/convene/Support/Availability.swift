import ConveneCore
import ConvenePlan

/// People's busy times gathered from the calendars a plan names.
struct Availability {
    /// Busy periods by person id.
    var periods: [String: [BusyPeriod]] = [:]

    /// Only firm busy times: tentative ones weigh on optional attendance, never on required.
    var hardIntervals: [String: [Interval]] {
        periods.mapValues { $0.filter { $0.strength == .busy }.map(\.interval) }
    }

    static func read(for plan: Plan) throws -> Availability {
        let named = plan.event.stakeholders.filter { !$0.calendars.isEmpty }
        if let first = named.first {
            throw PlanErrors([PlanDiagnostic(file: plan.file, line: 1, column: 1,
                message: "person '\(first.id)' names calendars, which this build cannot read yet")])
        }
        return Availability()
    }
}
