import ArgumentParser
import ConveneApp
import ConveneStore
import Foundation

/// `--db PATH|ADDRESS` and `--event ID`, shared by every command that reads or writes the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The SQLite database file, or a PostgreSQL database postgres://USER@HOST[:PORT]/DB (default: $CONVENE_DB, "
            + "else convene.sqlite in the current folder).",
        valueName: "path"))
    var explicitPath: String?

    @Option(name: .customLong("db-password-file"), help: ArgumentHelp(
        "A file holding the PostgreSQL password on its first line (default: $PGPASSWORD); refused when others can read it.",
        valueName: "file"))
    var passwordFile: String?

    @Option(name: .customLong("event"), help: ArgumentHelp(
        "The event to work on; needed only when the database holds more than one.", valueName: "id"))
    var event: String?

    /// The database path or address in force.
    var path: String { explicitPath ?? Store.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// The store `--db` names.
    var location: StoreLocation { StoreLocation(path, passwordFile: passwordFile, environment: ProcessInfo.processInfo.environment) }

    /// Opens an existing store, scoped to the event `--event` picks, reporting failure (or a missing
    /// file) as bad input. `import` alone creates the file, and gets the whole store: its plan names its event.
    func open(creating: Bool = false) throws -> Store {
        let store = try location.open(create: creating)
        return creating ? store : try scoped(store)
    }

    /// Opens an existing store whole, every event in it, for `serve` and the organizer's mailbox.
    func openWhole() throws -> Store { try location.open() }

    /// The store scoped to the event `--event` picks (or its only one), so that every read and write
    /// concerns that event; an empty store stays as it is, and says nothing was imported when asked.
    private func scoped(_ store: Store) throws -> Store {
        guard let id = try StoredEvent.choose(event, in: store) else { return store }
        return EventDirectory(store: store).scoped(to: id)
    }

    /// Opens an existing store for reading only, for commands that change nothing: they work on a
    /// read-only file or file system and never touch a file that is not Convene's.
    /// An empty file is one nothing was imported into, and says so as every command does.
    func openForReading() throws -> Store {
        let store: Store
        do { store = try location.open(readOnly: true) } catch let e as StoreError where e.holdsNothing { throw AppError.noEvent }
        return try scoped(store)
    }
}
