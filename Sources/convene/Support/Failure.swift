import ArgumentParser
import ConveneCore
import ConvenePlan
import Foundation

/// Prints what went wrong on stderr and exits 1: the one place errors meet the user.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let e as ExitCode {
        throw e
    } catch let e as PlanErrors {
        for d in e.diagnostics { printError(d.description) }
        let errors = e.errors.count, warnings = e.diagnostics.count - errors
        printError("\(errors) error\(errors == 1 ? "" : "s")" + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        throw ExitCode.failure
    } catch let e as CleanExit {
        throw e
    } catch let e as any CustomStringConvertible & Error {
        printError(e.description)
        throw ExitCode.failure
    } catch {
        printError("error: \(error.localizedDescription)")
        throw ExitCode.failure
    }
}

extension Instant {
    /// The current moment, read at the edge so the libraries never read the clock.
    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

/// Writes bytes to a file atomically, or to stdout when the path is nil or "-".
func writeOutput(_ data: Data, to path: String?) throws {
    guard let path, path != "-" else {
        writeStandardOutput(Array(data))
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw OutputError(path: path, reason: error.localizedDescription)
    }
}

/// A file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): error: cannot write (\(reason))" }
}
