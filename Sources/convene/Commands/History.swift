import ArgumentParser
import ConveneCore
import ConveneStore

/// `convene history`: the audit log, every step with its reason.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit log: every import, draft version, pin, undo and publish, with its reason.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let log = try database.openForReading().auditLog()
            if json {
                try writeOutput(try JSONFormat.encode(log), to: nil)
                return
            }
            for e in log {
                let version = e.version.map { " → version \($0)" } ?? ""
                let reason = e.reason.map { " — \($0)" } ?? ""
                print("\(e.at.iso8601)  \(e.command)\(version)\(reason)")
                print("    \(e.detail)")
            }
        }
    }
}
