import ArgumentParser
import ConveneCore
import ConveneICal
import ConveneProgramme
import ConveneServer
import Foundation

/// `convene export`: subscription feeds (.ics), or the frab schedule, of the published schedule.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the subscription feeds (.ics) of the published schedule and their index, or its frab schedule.",
        discussion: """
            --format ics (the default) writes event.ics, rooms/ID.ics, tracks/ID.ics, groups/GROUP.ics, \
            people/ID.ics and index.json under --out. Only published releases show (see `convene publish`); \
            a draft never does. Unchanged feeds keep their bytes, so subscribers and ETags see no change; sessions taken out of the schedule stay as cancelled. --format frab-xml or \
            frab-json writes schedule.xml or schedule.json, the schedule format of frab and pretalx that \
            schedule apps read: scheduled sessions only, and only speakers who are public.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ics, frabXML = "frab-xml", frabJSON = "frab-json"
    }

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var source: PublicationOptions

    @Option(help: ArgumentHelp("The folder to write into.", valueName: "dir"))
    var out: String

    @Option(help: "ics, frab-xml or frab-json.")
    var format: Format = .ics

    @Option(help: "frab only: the language of titles and names, ja or en (default: both).")
    var language: Language?

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "frab only: the server's public address, so each event links to its entry in the programme (under /events/ID/).",
        valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("only"), help: ArgumentHelp(
        "Write only this feed (e.g. event.ics, rooms/hall.ics); repeatable.", valueName: "path"))
    var only: [String] = []

    @Flag(help: "Print how long reading, rendering and writing took, on standard error.")
    var timings = false

    func validate() throws {
        if format != .ics && !only.isEmpty { throw ValidationError("--only selects feeds; it goes with --format ics") }
        if format == .ics && (language != nil || baseURL != nil) {
            throw ValidationError("--language and --base-url go with --format frab-xml or frab-json")
        }
    }

    func run() async throws {
        try await failing {
            var marks = [Mark.now()]
            let publication = try source.publication(database)
            marks.append(.now())
            if format != .ics {
                // The programme's own address under the server, the one that stays once the database holds several events.
                let links = try baseURL.map { try FeedLinks(baseURL: $0).under("/events/\(publication.event.id)").base }
                let file = try FrabExport.write(publication, xml: format == .frabXML, language: language, baseURL: links, to: out)
                print("\(file.events) session(s) in \(file.path)\(file.changed ? "" : " (unchanged)")")
                return
            }
            let rendered = try FeedExporter.render(publication, only: only)
            marks.append(.now())
            let changed = try FeedExporter.write(rendered.files, to: out)
            marks.append(.now())
            print("\(rendered.files.count - 1) feed(s) in \(out) (\(changed) file(s) changed)")
            if timings {
                let phases = zip(["read", "render", "write"], zip(marks, marks.dropFirst()))
                let wall = phases.map { "\($0.0) \(Mark.ms($0.1.1.wall - $0.1.0.wall)) ms" }.joined(separator: ", ")
                let cpu = phases.map { "\($0.0) \(Mark.ms($0.1.1.cpu - $0.1.0.cpu)) ms" }.joined(separator: ", ")
                printError("timings: \(wall) (cpu: \(cpu))")
            }
        }
    }

    /// Wall-clock and process CPU seconds at one moment, for --timings.
    private struct Mark {
        var wall: Double
        var cpu: Double

        static func now() -> Mark {
            var w = timespec()
            var c = timespec()
            clock_gettime(CLOCK_MONOTONIC, &w)
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c)
            return Mark(wall: Double(w.tv_sec) + Double(w.tv_nsec) / 1e9, cpu: Double(c.tv_sec) + Double(c.tv_nsec) / 1e9)
        }

        static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
    }
}
