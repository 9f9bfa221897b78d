import ArgumentParser
import ConveneApp
import Foundation

/// `convene migrate --from FILE.sqlite --to postgres://USER@HOST[:PORT]/DB`: the whole store, copied and checked.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy an SQLite database into an empty PostgreSQL database and check every table.",
        discussion: """
            Brings the file's schema up to date, makes the same schema in PostgreSQL (the database must hold no \
            table, or Convene's tables all empty) and copies every table in one transaction. Each table's rows and \
            SHA-256 checksum are then read back on both sides and printed; when any table differs, nothing is kept \
            and the command exits 1 naming it. The password is read from --password-file (a file only its owner \
            can read) or $PGPASSWORD, never from the address.
            """)

    @Option(help: ArgumentHelp("The SQLite database to copy.", valueName: "file.sqlite"))
    var from: String

    @Option(help: ArgumentHelp("The PostgreSQL database to copy into.", valueName: "postgres://user@host[:port]/db"))
    var to: String

    @Option(help: "A file holding the PostgreSQL password on its first line; refused when others can read it.")
    var passwordFile: String?

    func run() async throws {
        try await failing {
            let address = try DatabaseMigration.address(to, passwordFile: passwordFile, environment: ProcessInfo.processInfo.environment)
            let report = try await DatabaseMigration.copy(from: from, to: address)
            let width = max(5, report.tables.map(\.name.count).max() ?? 0)
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            print(pad("table", width) + "  " + pad("rows", 8) + "  " + pad("checksum", 16) + "  ok")
            for t in report.tables {
                let rows = t.rows == t.postgresRows ? "\(t.rows)" : "\(t.rows)/\(t.postgresRows)"
                let sum = t.checksum == t.postgresChecksum ? String(t.checksum.prefix(16))
                    : "\(t.checksum.prefix(7))/\(t.postgresChecksum.prefix(7))"
                print(pad(t.name, width) + "  " + pad(rows, 8) + "  " + pad(sum, 16) + "  " + (t.matches ? "yes" : "NO"))
            }
            let differ = report.tables.filter { !$0.matches }.map(\.name)
            guard differ.isEmpty else {
                throw AppError("\(differ.joined(separator: ", ")) differ\(differ.count == 1 ? "s" : "") between \(from) and "
                    + "\(report.target); nothing was kept")
            }
            let rows = report.tables.map(\.rows).reduce(0, +)
            print("copied \(rows) rows in \(report.tables.count) tables from \(from) into \(report.target)")
        }
    }
}
