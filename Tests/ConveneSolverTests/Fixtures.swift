import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneSolver

/// Small instances written in code, and paths to the shared benchmark files.
typealias Fixtures = SmallInstances

extension SmallInstances {
    /// `/work/shared` style folder beside the repository.
    static var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var benchmark: URL { shared.appendingPathComponent("benchmark") }

    /// True when the shared benchmark folder is beside the repository (as in CI); checks that
    /// compare with it are skipped, and say so, when it is not.
    static var hasShared: Bool { FileManager.default.fileExists(atPath: benchmark.appendingPathComponent("validate.py").path) }

    /// Why a check did not run on this machine.
    static let sharedMissing: Comment = "skipped: ../shared/benchmark (validate.py, FOSDEM) is not beside the repository"

    static func load(_ name: String) throws -> Instance {
        let url = benchmark.appendingPathComponent("real").appendingPathComponent(name)
        return try JSONFormat.decode(Instance.self, from: Data(contentsOf: url), file: url.path)
    }
}
