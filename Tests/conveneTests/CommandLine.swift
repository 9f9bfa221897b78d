import Foundation
import Testing

/// Runs the built `convene` binary as a person would, capturing its output.
struct CommandLine {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `convene` executable built beside the test bundle.
    static let binary: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("convene")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/convene")
    }()

    /// Runs `convene` with arguments in `directory`, with extra environment variables.
    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot stall the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A temporary folder removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A folder holding a copy of a bundled example at `rdd/`, imported into `rdd.sqlite` as `import rdd/plan.yaml`
    /// does; the environment names that database.
    static func imported(example: String = "rare-disease-day-2027") throws -> (TemporaryFolder, [String: String]) {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: CommandLine.root.appendingPathComponent("calendars/\(example)"),
                                         to: folder.url.appendingPathComponent("rdd"))
        let env = ["CONVENE_DB": folder.url.appendingPathComponent("rdd.sqlite").path]
        let imported = try CommandLine.run(["import", "rdd/plan.yaml"], in: folder.url, environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (folder, env)
    }
}
