import ConveneCore
import Foundation
import Testing

/// The version 2 examples in `calendars/`: each is a valid plan, compiles with its stakeholders'
/// calendars into a version 2 instance, and that instance is one the format's checker reads.
struct ExamplesTests {
    static let examples = ["tokyo-symposium-2027", "hamamatsucho-seminars-2027", "rare-disease-day-2027"]

    /// `convene compile` of an example, read back.
    static func compiled(_ name: String) throws -> (instance: Instance, file: URL, folder: TemporaryFolder) {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("\(name).json")
        let r = try CommandLine.run(["compile", "calendars/\(name)/plan.yaml", "-o", file.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        return (try JSONFormat.decode(Instance.self, from: Data(contentsOf: file), file: file.path), file, folder)
    }

    @Test(arguments: examples)
    func checksAndCompilesToVersion2(_ name: String) throws {
        let checked = try CommandLine.run(["check", "calendars/\(name)/plan.yaml"])
        #expect(checked.status == 0 && checked.stderr.isEmpty, "\(checked.stderr)")
        let (instance, file, folder) = try Self.compiled(name)
        defer { withExtendedLifetime(folder) {} }
        #expect(instance.version == 2)
        #expect(instance.timeZone == "Asia/Tokyo")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("\"format\" : \"convene-instance/2\""))
    }

    /// With every session left unscheduled but the pinned ones the schedule breaks nothing: validate.py
    /// reads every field of the instance, and the engine agrees on the score.
    @Test(.enabled(if: RuleBookCommandTests.hasShared, "skipped: ../shared/benchmark/validate.py is not beside the repository"),
          arguments: examples)
    func validatePyReadsTheInstance(_ name: String) throws {
        let (instance, file, folder) = try Self.compiled(name)
        let solution = folder.url.appendingPathComponent("solution.json")
        let pinned = instance.sessions.compactMap { s in s.fixed.map { Assignment(session: s.id, room: $0.room, start: $0.start) } }
        try JSONFormat.encode(Solution(instance: instance.name, assignments: pinned,
                                       unscheduled: instance.sessions.filter { $0.fixed == nil }.map { .init(session: $0.id, reason: "not yet") }))
            .write(to: solution)
        let theirs = try JSONSerialization.jsonObject(
            with: RuleBookCommandTests.python([RuleBookCommandTests.validatePy.path, file.path, solution.path, "--json"])) as? [String: Any]
        #expect(theirs?["feasible"] as? Bool == true, "\(String(describing: theirs?["violations"]))")
        #expect(theirs?["sessions"] as? Int == instance.sessions.count)
        #expect(theirs?["unscheduled"] as? Int == instance.sessions.filter { $0.fixed == nil }.reduce(0) { $0 + $1.priority })
        let ours = try CommandLine.run(["validate", "--instance", file.path, "--solution", solution.path, "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any]
        #expect(json?["unscheduled"] as? Int == theirs?["unscheduled"] as? Int)
        #expect(json?["soft"] as? Int == theirs?["soft"] as? Int)
    }

    @Test func symposiumGivesRemoteSpeakersTheirOwnHours() throws {
        let (instance, _, _) = try Self.compiled("tokyo-symposium-2027")
        let zones = instance.people.compactMap(\.hours?.zone).sorted()
        #expect(zones == ["America/New_York", "America/New_York", "Asia/Seoul", "Asia/Seoul", "Europe/Paris", "Europe/Paris"])
        let rachel = try #require(instance.people.first { $0.id == "p-rachel-goldberg" })
        #expect(rachel.hours?.acceptable == Instance.ClockRange(start: 7 * 60, end: 21 * 60))
        // Her Saturday donor dinner, 18:30–20:00 in New York (EST), is Sunday morning in Tokyo.
        #expect(rachel.unavailable.map(\.start.iso8601).contains("2027-03-14T08:30:00+09:00"))
        // Élodie Bernard lives in Paris but comes to Tokyo: no hours of her own, and her flight in Paris time.
        let elodie = try #require(instance.people.first { $0.id == "i-elodie-bernard" })
        #expect(elodie.hours == nil)
        #expect(elodie.unavailable.first?.end.iso8601 == "2027-03-13T07:05:00+09:00")
    }

    @Test func seminarSeriesMeetsOnWeekdayEveningsOutsideGoldenWeek() throws {
        let (instance, _, _) = try Self.compiled("hamamatsucho-seminars-2027")
        #expect(instance.days.count == 26)
        let dates = instance.days.map { String($0.start.iso8601.prefix(10)) }
        for holiday in ["2027-04-29", "2027-05-03", "2027-05-04", "2027-05-05", "2027-04-17", "2027-05-16"] {
            #expect(!dates.contains(holiday))
        }
        #expect(Set(instance.days.map { $0.start.iso8601.dropFirst(11) + "/" + $0.end.iso8601.dropFirst(11) })
                == ["18:30:00+09:00/21:00:00+09:00"])
        let series = try #require(instance.series.first)
        #expect(series.sessions.count == 6 && series.minDaysApart == 5 && series.maxDaysApart == 9)
        #expect(instance.sessions.allSatisfy { $0.windows == instance.days })
        #expect(instance.sessions.last?.duration == 120)
    }

    @Test func rareDiseaseDayHasPlenariesPicksAndAConflictOfInterest() throws {
        let (instance, _, _) = try Self.compiled("rare-disease-day-2027")
        #expect(instance.sessions.filter(\.exclusive).map(\.id) == ["s-opening", "s-closing"])
        let meeting = try #require(instance.sessions.first { $0.id == "s-meeting-access" })
        #expect(meeting.pick.map(\.count) == [1, 1, 1, 1])
        #expect(instance.apart == [["a-noguchi-aya", "i-hara-mika"]])
        let lunch = "2027-02-27T12:00:00+09:00"
        #expect(instance.rooms.allSatisfy { $0.unavailable.map(\.start.iso8601) == [lunch] })
        #expect(instance.rooms.map(\.turnover) == [30, 15, 15, 15, 15])
    }

    /// Each example as an admin runs it: imported, scheduled, published and exported. The draft
    /// breaks no rule; a remote speaker's own feed is in their zone and inside their hours; the
    /// series meets weekly at one time; people picked for a session find it in their feed.
    @Test(arguments: examples)
    func schedulesPublishesAndExportsThroughTheDatabase(_ name: String) throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("convene.sqlite").path
        let feeds = folder.url.appendingPathComponent("feeds")
        @discardableResult
        func convene(_ arguments: [String]) throws -> CommandLine.Result {
            let r = try CommandLine.run(arguments, environment: ["CONVENE_DB": db])
            #expect(r.status == 0, "convene \(arguments.joined(separator: " ")): \(r.stdout)\(r.stderr)")
            return r
        }
        try convene(["import", "calendars/\(name)/plan.yaml"])
        #expect(try convene(["schedule", "--time-limit", "2", "--seed", "1"]).stdout.contains("unscheduled priority 0"))
        try convene(["conflicts"])
        try convene(["publish"])
        try convene(["export", "--out", feeds.path])
        func starts(_ feed: String) throws -> [String] {
            try String(contentsOf: feeds.appendingPathComponent(feed), encoding: .utf8).split(separator: "\r\n")
                .filter { $0.hasPrefix("DTSTART;TZID=") }.map { String($0.split(separator: ":").last!) }
        }
        switch name {
        case "tokyo-symposium-2027":
            let feed = try String(contentsOf: feeds.appendingPathComponent("people/p-rachel-goldberg.ics"), encoding: .utf8)
            #expect(feed.contains("DTSTART;TZID=America/New_York:"))
            // Sessions she must speak in keep to her hours; one she may join if she likes need not.
            let required = feed.components(separatedBy: "BEGIN:VEVENT").filter { $0.contains("ROLE=REQ-PARTICIPANT") }
            let hours = required.compactMap { event in
                event.range(of: "DTSTART;TZID=America/New_York:").map { Int(event[$0.upperBound...].dropFirst(9).prefix(2)) ?? -1 }
            }
            #expect(!hours.isEmpty && hours.allSatisfy { (7..<21).contains($0) }, "\(hours)")
        case "hamamatsucho-seminars-2027":
            let times = try starts("event.ics")
            #expect(Set(times.map { $0.dropFirst(8) }).count == 1, "\(times)")
            let days = times.map { LocalDate(year: Int($0.prefix(4))!, month: Int($0.dropFirst(4).prefix(2))!,
                                             day: Int($0.dropFirst(6).prefix(2))!).daysSinceEpoch }.sorted()
            #expect(zip(days, days.dropFirst()).allSatisfy { (5...9).contains($1 - $0) }, "\(times)")
        default:
            let (instance, _, compiled) = try Self.compiled(name)
            defer { withExtendedLifetime(compiled) {} }
            for session in instance.sessions where !session.pick.isEmpty {
                let uid = Publication.uid(event: instance.name, session: session.id)
                let invited = try Set(session.pick.flatMap(\.from)).filter { person in
                    try String(contentsOf: feeds.appendingPathComponent("people/\(person).ics"), encoding: .utf8).contains(uid)
                }
                #expect(invited.count == session.pick.reduce(0) { $0 + $1.count }, "\(session.id): \(invited)")
            }
        }
    }
}
