import Foundation
import Testing

/// The CLI and the server reach the database only through ConveneApp's changes and queries.
struct ModuleRulesTests {
    /// Every Swift file under a source folder, with its text.
    static func sources(_ folder: String) throws -> [(String, String)] {
        let root = CommandLine.root.appendingPathComponent("Sources/\(folder)")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func neitherTheCommandsNorTheServerCallTheStoreThemselves() throws {
        for folder in ["convene", "ConveneServer"] {
            for (file, text) in try Self.sources(folder) {
                // A store is only handed on (to ChangePipeline, Publisher, StoredEvent …), never asked.
                #expect(text.firstMatch(of: /\bstore\??\.[a-z]/) == nil, "Sources/\(folder)/\(file) calls the store")
            }
        }
        // Only the option that opens the database names the store's module.
        let importing = try Self.sources("convene").filter { $0.1.contains("import ConveneStore") }.map(\.0)
        #expect(importing == ["Options/DatabaseOptions.swift"])
    }
}
