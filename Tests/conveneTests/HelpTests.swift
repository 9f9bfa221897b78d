import ArgumentParser
import Foundation
import Testing
@testable import convene

/// Golden files live beside this test; set CONVENE_REGENERATE_GOLDEN=1 to rewrite them on purpose.
func golden(_ name: String, _ actual: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["CONVENE_REGENERATE_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(name) differs from its golden file")
}

struct HelpTests {
    @Test func rootHelpMatchesGolden() throws {
        try golden("convene-help.txt", Convene.helpMessage(columns: 100) + "\n")
    }

    @Test func everySubcommandHasHelp() throws {
        for command in Convene.configuration.subcommands {
            let name = command._commandName
            let help = Convene.helpMessage(for: command, columns: 100)
            #expect(help.contains("USAGE: convene \(name)"), "\(name)")
            #expect(!(command.configuration.abstract.isEmpty), "\(name) has no abstract")
        }
    }

    @Test func checkHelpMatchesGolden() throws {
        try golden("check-help.txt", Convene.helpMessage(for: Check.self, columns: 100) + "\n")
    }
}
