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
            that has them. A plan whose event id the database does not hold yet adds that event beside the \
            others; commands then pick one with --event ID.
            """)

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let change = try ImportPlan(path: plan)
            for w in change.plan.warnings { printError(w.description) }
            for s in change.availability.skipped { printError("warning: skipped \(s.description)") }
            let id = change.plan.event.id
            if let asked = database.event, asked != id {
                throw AppError("\(plan) is the plan of event '\(id)', not of --event '\(asked)'")
            }
            let events = EventDirectory(store: try database.open(creating: true))
            // The plan names its event: a new id adds that event beside the others, a known one updates it.
            let pipeline = ChangePipeline(store: events.scoped(to: id))
            let outcome = try pipeline.apply(change, force: false, reason: nil, at: .now())
            printOutcome(outcome, try pipeline.current().text)
            guard let s = outcome.saved?.imported else { return }
            print("imported \(change.plan.summary) into \(database.path): \(s.added) added, \(s.updated) updated, "
                + "\(s.removed) removed, \(s.unchanged) unchanged, \(s.busyPeriods) busy periods")
            let held = try events.ids()
            if held.count > 1 {
                print("the store now holds \(held.count) events: \(held.joined(separator: ", ")); other commands take --event ID")
            }
        }
    }
}
