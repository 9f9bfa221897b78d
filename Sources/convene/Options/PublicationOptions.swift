import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneICal
import ConvenePlan
import Foundation

/// Where the published schedule is read from: the database's releases (default), a snapshot file, or a
/// plan's `previously:` times.
struct PublicationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read a JSON snapshot {event, removed, history} instead of the database.", valueName: "file"))
    var snapshot: String?

    @Option(help: ArgumentHelp(
        "Read the schedule a plan records as `previously:` (e.g. from import-schedule) instead of the database.",
        valueName: "plan.yaml"))
    var plan: String?

    func validate() throws {
        if snapshot != nil && plan != nil { throw ValidationError("give --snapshot or --plan, not both") }
    }

    /// The publication, from wherever these options point.
    func publication(_ database: DatabaseOptions) throws -> Publication {
        if let snapshot {
            guard let data = FileManager.default.contents(atPath: snapshot) else {
                throw ICalError(file: snapshot, message: "cannot read the snapshot file")
            }
            return Publication(try JSONFormat.decode(Publication.Snapshot.self, from: data, file: snapshot))
        }
        if let plan {
            let loaded = try Plan.load(path: plan)
            let written = (try? FileManager.default.attributesOfItem(atPath: plan)[.modificationDate] as? Date) ?? nil
            let at = Instant(secondsSinceEpoch: Int64((written ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970))
            return Publication(Publication.Snapshot(previousOf: loaded.event, at: at))
        }
        return try StoredEvent(store: try database.openForReading()).published().publication
    }
}
