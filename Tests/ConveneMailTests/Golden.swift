import Foundation

/// Golden files live beside the tests; `CONVENE_REGENERATE_GOLDEN=1` rewrites them on purpose.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: [UInt8], _ name: String) throws -> Bool {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CONVENE_REGENERATE_GOLDEN"] == "1" {
            try Data(actual).write(to: url)
            return true
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else { return false }
        return Array(expected) == actual
    }
}
