import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneICal
import Foundation

/// `convene export`: subscription feeds (.ics) for the published schedule.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the subscription feeds (.ics) of the published schedule, and their index.",
        discussion: """
            Writes event.ics, rooms/ID.ics, tracks/ID.ics, groups/GROUP.ics, people/ID.ics and \
            index.json under --out. Only published releases show (see `convene publish`); a draft never \
            does. Unchanged feeds keep their bytes, so subscribers and ETags see no change; sessions \
            taken out of the schedule stay as cancelled.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(
        "Export a JSON snapshot {event, removed, history} instead of the database.", valueName: "file"))
    var snapshot: String?

    @Option(help: ArgumentHelp("The folder to write the feeds into.", valueName: "dir"))
    var out: String

    @Option(name: .customLong("only"), help: ArgumentHelp(
        "Write only this feed (e.g. event.ics, rooms/hall.ics); repeatable.", valueName: "path"))
    var only: [String] = []

    @Flag(help: "Print how long reading, rendering and writing took, on standard error.")
    var timings = false

    func run() async throws {
        try await failing {
            var marks = [Mark.now()]
            let publication = try publication()
            marks.append(.now())
            let rendered = try FeedExporter.render(publication, only: only)
            marks.append(.now())
            let changed = try FeedExporter.write(rendered.files, to: out)
            marks.append(.now())
            print("\(rendered.files.count - 1) feed(s) in \(out) (\(changed) file(s) changed)")
            if timings {
                let phases = zip(["read", "render", "write"], zip(marks, marks.dropFirst()))
                let wall = phases.map { "\($0.0) \(Mark.ms($0.1.1.wall - $0.1.0.wall)) ms" }.joined(separator: ", ")
                let cpu = phases.map { "\($0.0) \(Mark.ms($0.1.1.cpu - $0.1.0.cpu)) ms" }.joined(separator: ", ")
                printError("timings: \(wall) (cpu: \(cpu))")
            }
        }
    }

    /// Wall-clock and process CPU seconds at one moment, for --timings.
    private struct Mark {
        var wall: Double
        var cpu: Double

        static func now() -> Mark {
            var w = timespec()
            var c = timespec()
            clock_gettime(CLOCK_MONOTONIC, &w)
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c)
            return Mark(wall: Double(w.tv_sec) + Double(w.tv_nsec) / 1e9, cpu: Double(c.tv_sec) + Double(c.tv_nsec) / 1e9)
        }

        static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
    }

    private func publication() throws -> Publication {
        if let snapshot {
            guard let data = FileManager.default.contents(atPath: snapshot) else {
                throw ICalError(file: snapshot, message: "cannot read the snapshot file")
            }
            return Publication(try JSONFormat.decode(Publication.Snapshot.self, from: data, file: snapshot))
        }
        guard let published = try PublishedSchedule.load(from: try database.open()) else {
            throw StoreNotReady("no event imported yet (run `convene import PLAN`)")
        }
        guard published.latest != nil else { throw StoreNotReady("nothing published yet (run `convene publish`)") }
        return published.publication
    }
}
