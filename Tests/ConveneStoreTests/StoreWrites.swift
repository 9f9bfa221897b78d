import ConveneCore
import ConveneStore

/// The writes the tests make, each as the one change record the application would save.
extension Store {
    @discardableResult
    func importPlan(_ event: Event, planFile: String, busy: [String: [BusyPeriod]] = [:], at now: Instant) throws -> ImportSummary {
        try save(ChangeRecord(basedOn: try currentSchedule()?.number, command: "import", detail: "",
                              plan: ChangeRecord.Plan(event: event, file: planFile, busy: busy)), at: now).imported!
    }

    @discardableResult
    func saveSchedule(
        assignments: [Assignment], unscheduled: [Solution.Unscheduled] = [], score: Score? = nil, at now: Instant,
        command: String = "schedule"
    ) throws -> ScheduleVersion {
        try save(ChangeRecord(basedOn: try currentSchedule()?.number, command: command, detail: "",
                              version: ChangeRecord.Version(assignments: assignments, unscheduled: unscheduled, score: score)),
                 at: now).version!
    }
}
