import ArgumentParser
import ConveneCore
import ConveneMail
import ConveneSolver
import ConveneStore

/// `convene schedule`: solve the stored plan and save the result as a new schedule version.
struct Schedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule the stored plan (with its people's firm busy times and admin pins) as a new schedule version.",
        discussion: """
            Starts from scratch, or from the plan's `previously:` times (e.g. an imported schedule), which it keeps \
            where it can; to change a published schedule as little as possible use `convene reschedule`.
            """)

    @Option(help: ArgumentHelp("Seconds to search.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() async throws {
        try await failing {
            let store = try database.open()
            guard let event = try store.pinnedEvent() else { throw StoreError("no event imported yet (run `convene import PLAN`)") }
            let instance = event.instance(busy: firmBusy(try store.busy()), previous: event.previousSchedule)
            let result = Solver.solve(instance, options: SolveOptions(timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed),
                                      clock: ContinuousClock())
            let s = result.solution
            let (version, queued) = try Invitations(store: store).saveSchedule(
                assignments: s.assignments, unscheduled: s.unscheduled, score: result.score, at: .now(), command: "schedule",
                reason: reason, detail: "solved in \(seconds(result.stats.totalTime)) s")
            print("saved schedule version \(version.number): \(s.assignments.count)/\(instance.sessions.count) sessions placed, "
                + "\(result.score)")
            print(result.score.described(against: result.stats.lowerBound))
            print("queued \(queued.count) invitation\(queued.count == 1 ? "" : "s") (send them with `convene invite`)")
            let text = ScheduleText(event: event)
            for u in s.unscheduled { print("unscheduled \(text.session(u.session)): \(u.reason)") }
        }
    }
}

/// Only firm busy times: tentative ones never block a required person.
func firmBusy(_ busy: [String: [BusyPeriod]]) -> [String: [Interval]] {
    busy.mapValues { $0.filter { $0.strength == .busy }.map(\.interval) }
}
