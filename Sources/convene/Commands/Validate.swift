import ArgumentParser
import ConveneCore
import ConveneSolver
import Foundation

/// `convene validate`: check a solution against its instance, as the format's checker does.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a convene-solution against its instance (version 1 or 2): broken hard rules in words, and the score.",
        discussion: "Exit status: 0 feasible, 1 infeasible or unreadable input, 2 usage error.")

    @Option(name: .long, help: "The instance file (convene-instance/1 or /2).")
    var instance: String

    @Option(name: .long, help: "The solution file (convene-solution/1 or /2).")
    var solution: String

    @Flag(name: .long, help: "Print one JSON object instead of lines.")
    var json = false

    func run() throws {
        let problem = try readInstance(instance)
        let schedule = try readJSON(Solution.self, solution)
        let result = RuleBook.validate(problem, schedule)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            for line in result.messages.prefix(20) { print(line) }
            if result.messages.count > 20 { print("... \(result.messages.count - 20) more violations") }
            print(result.summary)
        }
        if !result.feasible { throw ExitCode(1) }
    }
}
