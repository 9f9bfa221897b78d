import ArgumentParser
import ConveneCore
import ConveneICal

/// `convene busy`: the busy time Convene reads from one calendar file.
struct Busy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the busy time Convene derives from a calendar (.ics) file.",
        discussion: """
            Prints the busy intervals in UTC, merged, over [--from, --to). All-day dates are days \
            in --zone; floating times too, unless the calendar names its own X-WR-TIMEZONE. \
            What had to be skipped is printed on standard error with its file and line.
            """
    )

    @Argument(help: "The calendar file.")
    var file: String

    @Option(help: "Start of the window: YYYY-MM-DD (midnight in --zone) or an ISO 8601 date-time.")
    var from: String

    @Option(help: "End of the window, exclusive: YYYY-MM-DD (midnight in --zone) or an ISO 8601 date-time.")
    var to: String

    @Option(help: "IANA time zone for floating times, all-day dates and the window's dates.")
    var zone = "UTC"

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func validate() throws {
        _ = try window()
    }

    func run() throws {
        let window = try window()
        do {
            let result = try CalendarReader.read(path: file, window: window, floatingZone: zone)
            let report = BusyReport(result, window: window)
            if json { try writeOutput(try JSONFormat.encode(report), to: nil) } else { print(report.text, terminator: "") }
            for problem in report.skipped { printError(problem.description(as: "skipped")) }
            for note in report.notes { printError(note.description(as: "note")) }
        } catch let error as ICalError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    private func window() throws -> Interval {
        guard let rules = ZoneRules(identifier: zone) else {
            throw ValidationError("--zone '\(zone)' is not an IANA time zone (e.g. Asia/Tokyo)")
        }
        func instant(_ text: String, _ option: String) throws -> Instant {
            if let date = LocalDate.parse(text) { return rules.instant(LocalDateTime(date: date, minuteOfDay: 0)) }
            if let instant = Instant(iso8601: text) { return instant }
            if let local = LocalDateTime.parse(text) { return rules.instant(local) }
            throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD) or an ISO 8601 date-time")
        }
        let start = try instant(from, "--from")
        let end = try instant(to, "--to")
        guard start < end else { throw ValidationError("--to must be after --from") }
        return Interval(start: start, end: end)
    }
}
