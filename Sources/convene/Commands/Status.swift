import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

/// `convene status`: what the database holds.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the database holds: the event, counts, and the current schedule.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let status = try database.open().status()
            if json {
                try writeOutput(try JSONFormat.encode(status), to: nil)
                return
            }
            guard let event = status.event else {
                print("\(database.path): no event imported yet (run `convene import PLAN`)")
                return
            }
            print("event \(event): \(status.rooms) rooms, \(status.people) people, \(status.sessions) sessions"
                + (status.removedSessions > 0 ? " (\(status.removedSessions) removed)" : "")
                + ", \(status.busyPeriods) busy periods")
            if status.scheduleVersions == 0 {
                print("no schedule yet")
            } else {
                print("schedule version \(status.scheduleVersions): \(status.scheduled) scheduled, \(status.unscheduled) unscheduled"
                    + (status.score.map { ", \($0)" } ?? ""))
            }
        }
    }
}
