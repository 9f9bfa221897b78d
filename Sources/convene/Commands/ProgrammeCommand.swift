import ArgumentParser
import ConveneCore
import ConveneProgramme
import Foundation

/// `convene programme`: the programme people read and print.
struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "Write the programme: per day the rooms × time grid and every session with its speakers.",
        discussion: """
            Each session shows its time, room, track, speakers with their affiliations, accessibility, \
            description and public online link; the venue heads the page. HTML has a print stylesheet \
            (A4, one day per page); pdf prints that page with headless Chromium (CONVENE_CHROMIUM names \
            another browser). People who are not public (patients, unless the plan lists them) are not named.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, pdf, csv, md
    }

    @Option(help: "html, pdf, csv or md.")
    var format: Format = .html

    @Option(help: "ja or en (default: both).")
    var language: Language?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var source: PublicationOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            let programme = Programme(try source.publication(database), language: language)
            let bytes: Data
            switch format {
            case .html: bytes = Data(ProgrammePage.render(programme).utf8)
            case .pdf: bytes = try ProgrammePrinter.pdf(html: ProgrammePage.render(programme))
            case .csv: bytes = Data(ProgrammeText.csv(programme).utf8)
            case .md: bytes = Data(ProgrammeText.markdown(programme).utf8)
            }
            try writeOutput(bytes, to: output)
        }
    }
}
