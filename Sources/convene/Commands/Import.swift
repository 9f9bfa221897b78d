import ArgumentParser
import ConveneCore
import ConvenePlan
import ConveneStore

/// `convene import PLAN`: store a plan (and its people's busy times) in the database.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a plan in the database, updating a plan imported before by id.",
        discussion: """
            Rooms, people and sessions are added, updated or marked removed; schedule history is kept. \
            The whole import is one transaction: if anything is wrong, the database is left as it was.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let loaded = try Plan.load(path: plan)
            let busy = try Availability.read(for: loaded)
            let store = try database.open(creating: true)
            let s = try store.importPlan(loaded.event, planFile: loaded.file, busy: busy.periods, at: .now())
            print("imported \(loaded.summary) into \(store.path): \(s.added) added, \(s.updated) updated, "
                + "\(s.removed) removed, \(s.unchanged) unchanged, \(s.busyPeriods) busy periods")
        }
    }
}
