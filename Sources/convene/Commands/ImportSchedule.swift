import ArgumentParser
import ConveneCore
import ConvenePlan
import ConveneProgramme
import Foundation

/// `convene import-schedule FILE -o PLAN.yaml`: start a plan from a frab or pretalx schedule.
struct ImportSchedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-schedule",
        abstract: "Make a plan from a frab, pretalx or indico schedule (schedule.xml or schedule.json).",
        discussion: """
            Rooms, sessions, speakers (as required participants), tracks and durations come from the file; \
            each session's published time becomes its `previously:` time, which `convene schedule` keeps \
            unless a rule forces a move (they are not pins). Speakers get no e-mail address and so no mail \
            until one is added. The plan is checked before it is written.
            """)

    @Argument(help: "The schedule file (schedule.xml or schedule.json).")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan.", valueName: "plan.yaml"))
    var output: String

    @Option(name: .customLong("time-zone"), help: ArgumentHelp(
        "The event's IANA zone, for files that name none (pentabarf's schedule.xml).", valueName: "zone"))
    var timeZone: String?

    @Option(name: .customLong("organizer-name"), help: "Who sends invitations (default: the conference's title).")
    var organizerName: String?

    @Option(name: .customLong("organizer-email"), help: ArgumentHelp("The address invitations come from.", valueName: "address"))
    var organizerEmail: String

    @Option(help: ArgumentHelp(
        "A CSV of name,capacity for rooms the file gives no capacity (e.g. FOSDEM's rooms.csv).", valueName: "file.csv"))
    var capacities: String?

    @Option(name: .customLong("default-capacity"), help: "Seats assumed for a room nothing gives a capacity.")
    var defaultCapacity: Int = 100

    func validate() throws {
        guard defaultCapacity >= 1 else { throw ValidationError("--default-capacity must be at least 1") }
    }

    func run() async throws {
        try await failing {
            let options = ScheduleImport.Options(
                timeZone: timeZone, organizer: Organizer(name: organizerName ?? "", email: organizerEmail),
                capacities: try capacities.map(RoomCapacities.read) ?? [:], defaultCapacity: defaultCapacity)
            let written = try ScheduleImport.write(file: file, options: options, to: output)
            print("wrote \(written.summary) to \(output)")
            if !written.assumedCapacity.isEmpty {
                print("note: \(written.assumedCapacity.count) room(s) have no capacity in the schedule; "
                    + "\(defaultCapacity) seats written for each: \(written.assumedCapacity.joined(separator: ", "))")
            }
        }
    }
}
