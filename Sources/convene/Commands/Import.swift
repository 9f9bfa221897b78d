import ArgumentParser
import ConveneApp

/// `convene import PLAN`: store a plan (and its people's busy times) in the database.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a plan in the database, updating a plan imported before by id.",
        discussion: """
            Rooms, people and sessions are added, updated or marked removed; schedule history is kept. \
            The whole import is one transaction: if anything is wrong, the database is left as it was. \
            A plan and calendars as stored already save nothing. The import lists the conflicts it brings \
            to the draft (a speaker now busy, a room now too small); `convene publish` refuses a draft \
            that has them.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let change = try ImportPlan(path: plan)
            for w in change.plan.warnings { printError(w.description) }
            for s in change.availability.skipped { printError("warning: skipped \(s.description)") }
            let pipeline = ChangePipeline(store: try database.open(creating: true))
            let outcome = try pipeline.apply(change, force: false, reason: nil, at: .now())
            printOutcome(outcome, try pipeline.current().text)
            guard let s = outcome.saved?.imported else { return }
            print("imported \(change.plan.summary) into \(database.path): \(s.added) added, \(s.updated) updated, "
                + "\(s.removed) removed, \(s.unchanged) unchanged, \(s.busyPeriods) busy periods")
        }
    }
}
