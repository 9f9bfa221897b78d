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
            let store = try database.open()
            let status = try store.status()
            let mail = try store.outboxStatus()
            let attendance = try store.attendance()
            if json {
                try writeOutput(try JSONFormat.encode(StatusReport(store: status, mail: mail, attendance: attendance)), to: nil)
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
            for line in mail.lines { print(line) }
            if !attendance.isEmpty {
                print("attendance (accepted, declined, tentative, no answer):")
                for a in attendance { print("  \(a.line)") }
            }
        }
    }
}

/// What `convene status --json` prints: the database's counts, the outbox, and who is coming.
struct StatusReport: Encodable {
    var store: StoreStatus
    var mail: OutboxStatus
    var attendance: [SessionAttendance]

    func encode(to encoder: any Encoder) throws {
        try store.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(mail, forKey: .mail)
        try c.encode(attendance, forKey: .attendance)
    }

    enum Keys: String, CodingKey { case mail, attendance }
}
