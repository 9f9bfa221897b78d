import ArgumentParser
import ConveneApp
import ConveneStore
import Foundation

/// `--db PATH` and `--event ID`, shared by every command that reads or writes the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The SQLite database file (default: $CONVENE_DB, else convene.sqlite in the current folder).",
        valueName: "path"))
    var explicitPath: String?

    @Option(name: .customLong("event"), help: ArgumentHelp(
        "The event to work on; needed only when the database holds more than one.", valueName: "id"))
    var event: String?

    /// The database path in force.
    var path: String { explicitPath ?? Store.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// Opens an existing store, reporting failure (or a missing file) as bad input; only `import`
    /// creates the file.
    /// Every command but `import` (whose plan names its event) works on the event `--event` picks.
    func open(creating: Bool = false) throws -> Store {
        let store = try Store(path: path, create: creating)
        if !creating { _ = try StoredEvent.choose(event, in: store) }
        return store
    }

    /// Opens an existing store for reading only, for commands that change nothing: they work on a
    /// read-only file or file system and never touch a file that is not Convene's.
    /// An empty file is one nothing was imported into, and says so as every command does.
    func openForReading() throws -> Store {
        let store: Store
        do { store = try Store(path: path, readOnly: true) } catch let e as StoreError where e.holdsNothing { throw AppError.noEvent }
        _ = try StoredEvent.choose(event, in: store)
        return store
    }
}
