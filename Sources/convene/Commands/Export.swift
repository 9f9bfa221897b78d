import ArgumentParser
import ConveneCore
import ConveneICal
import Foundation

/// `convene export`: subscription feeds (.ics) for the current schedule.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the subscription feeds (.ics) of the current schedule, and their index.",
        discussion: """
            Writes event.ics, rooms/ID.ics, tracks/ID.ics, groups/GROUP.ics, people/ID.ics and \
            index.json under --out. Unchanged feeds keep their bytes, so subscribers and ETags see \
            no change; sessions taken out of the schedule stay as cancelled.
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

    func run() async throws {
        try await failing {
            let summary = try FeedExporter.write(try publication(), to: out, only: only)
            let written = only.isEmpty ? summary.feeds.count : only.count
            print("\(written) feed(s) in \(out) (\(summary.changed) file(s) changed)")
        }
    }

    private func publication() throws -> Publication {
        if let snapshot {
            guard let data = FileManager.default.contents(atPath: snapshot) else {
                throw ICalError(file: snapshot, message: "cannot read the snapshot file")
            }
            return Publication(try JSONFormat.decode(Publication.Snapshot.self, from: data, file: snapshot))
        }
        let store = try database.open()
        guard let event = try store.event() else { throw StoreNotReady("no event imported yet (run `convene import PLAN`)") }
        let history = try store.history()
        guard !history.isEmpty else { throw StoreNotReady("no schedule yet (run `convene schedule`)") }
        return Publication(event: event, removed: try store.removedSessions(), history: history)
    }
}
