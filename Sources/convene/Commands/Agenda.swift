import ArgumentParser
import ConveneApp
import ConveneCore
import Foundation

/// `convene agenda`: the current schedule as people read it.
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Print the draft (or, with --published, the published schedule) per day and room, in the event's time zone.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @Option(help: "text or csv.")
    var format: Format = .text

    @Option(help: "ja or en (default: both).")
    var language: Language?

    @Flag(help: "Show the published schedule rather than the draft.")
    var published = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let agenda = try StoredEvent(store: try database.openForReading()).agenda(published: published)
            let text = format == .csv ? agenda.csv : agenda.text(language: language)
            try writeOutput(Data(text.utf8), to: output)
        }
    }
}
