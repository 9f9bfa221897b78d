import ConveneCore
import ConvenePlan
import Foundation

extension ScheduleImport {
    /// What `write` wrote.
    public struct Written: Sendable {
        /// e.g. `fosdem-2024: 2 days, 31 rooms, 900 people, 674 sessions`.
        public var summary: String
        public var assumedCapacity: [String]
    }

    /// Reads a schedule file, writes it as a plan, and checks that plan as `convene check` would:
    /// nothing is written when the plan would not pass.
    public static func write(file: String, options: Options, to path: String) throws -> Written {
        let imported = try read(path: file, options: options)
        let remarks = Dictionary(imported.assumedCapacity.compactMap { name in
            imported.event.rooms.first { $0.name.en == name }.map { ($0.id, "not in the schedule: set the real number") }
        }, uniquingKeysWith: { a, _ in a })
        let text = PlanWriter.yaml(imported.event, header: [
            "\(imported.event.name.bilingual): imported from \((file as NSString).lastPathComponent) by convene import-schedule.",
            "Each session's published time is its 'previously:'; speakers have no e-mail address yet.",
        ], remarks: remarks)
        let plan = try Plan.parse(yaml: text, file: path)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ProgrammeError("\(path): error: cannot write (\(error.localizedDescription))")
        }
        return Written(summary: plan.summary, assumedCapacity: imported.assumedCapacity)
    }
}
