import ArgumentParser
import ConveneCore
import ConveneICal
import Foundation

/// `convene export`: subscription feeds (.ics) for the current schedule.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the subscription feeds (.ics) of the current schedule, and their index.",
        discussion: """
            Writes event.ics, rooms/ID.ics, tracks/ID.ics, groups/GROUP.ics, people/ID.ics and \
            index.json under --out. Unchanged feeds keep their bytes, so subscribers and ETags see \
            no change; removed sessions stay as cancelled.
            """
    )

    @Option(help: "A JSON snapshot {event, removed, history} to export instead of the database.")
    var snapshot: String

    @Option(help: "The folder to write the feeds into.")
    var out: String

    @Option(name: .customLong("only"), help: "Write only this feed (e.g. event.ics, rooms/hall.ics); repeatable.")
    var only: [String] = []

    func run() throws {
        do {
            guard let data = FileManager.default.contents(atPath: snapshot) else {
                throw ICalError(file: snapshot, message: "cannot read the snapshot file")
            }
            let input = try JSONFormat.decode(Publication.Snapshot.self, from: data, file: snapshot)
            let summary = try FeedExporter.write(Publication(input), to: out, only: only)
            let written = only.isEmpty ? summary.feeds.count : only.count
            print("\(written) feed(s) in \(out) (\(summary.changed) file(s) changed)")
        } catch let error as ICalError {
            standardError(error.description)
            throw ExitCode(1)
        } catch let error as InstanceFileError {
            standardError(error.description)
            throw ExitCode(1)
        }
    }

    private func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
