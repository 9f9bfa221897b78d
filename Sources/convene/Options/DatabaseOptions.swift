import ArgumentParser
import ConveneApp
import ConveneStore
import Foundation

/// `--db PATH`, shared by every command that reads or writes the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The SQLite database file (default: $CONVENE_DB, else convene.sqlite in the current folder).",
        valueName: "path"))
    var explicitPath: String?

    /// The database path in force.
    var path: String { explicitPath ?? Store.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// Opens an existing store, reporting failure (or a missing file) as bad input; only `import`
    /// creates the file.
    func open(creating: Bool = false) throws -> Store { try Store(path: path, create: creating) }

    /// Opens an existing store for reading only, for commands that change nothing: they work on a
    /// read-only file or file system and never touch a file that is not Convene's.
    /// An empty file is one nothing was imported into, and says so as every command does.
    func openForReading() throws -> Store {
        do { return try Store(path: path, readOnly: true) } catch let e as StoreError where e.holdsNothing { throw AppError.noEvent }
    }
}
