import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// Compiling a plan into the neutral instance: version 1 unless the plan needs version 2, and each
/// version 2 construct as the rule book reads it (and the format's own checker, `validate.py`, when
/// it is beside the repository).
struct EventInstanceTests {
    static func symposium() throws -> Instance { try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event.instance() }

    @Test func aPlanWithoutVersion2StaysVersion1() throws {
        let instance = try Plan.parse(yaml: basePlan, file: "plan.yaml").event.instance()
        #expect(instance.timeZone == nil)
        #expect(instance.writtenVersion == 1)
        #expect(String(decoding: try JSONFormat.encode(instance), as: UTF8.self).contains("\"convene-instance/1\""))
    }

    @Test func breaksAloneCloseRoomsInVersion1() throws {
        let yaml = basePlan.replacingOccurrences(of: "    - {date: \"2027-02-22\", opens: \"09:00\", closes: \"12:00\"}\n", with: """
                - {date: "2027-02-22", opens: "09:00", closes: "12:00"}
              breaks: [{from: "10:30", to: "10:45", name: Coffee}]

            """)
        let instance = try Plan.parse(yaml: yaml, file: "plan.yaml").event.instance()
        #expect(instance.writtenVersion == 1)
        #expect(instance.rooms.map { $0.unavailable.map(\.start.iso8601) } == [["2027-02-22T10:30:00+09:00"], ["2027-02-22T10:30:00+09:00"]])
    }

    @Test func everyConstructReachesTheInstance() throws {
        let i = try Self.symposium()
        #expect(i.writtenVersion == 2)
        #expect(i.timeZone == "Asia/Tokyo")
        let hall = try #require(i.rooms.first { $0.id == "hall" })
        #expect(hall.turnover == 15)
        #expect(hall.unavailable.map { "\($0.start.iso8601)/\($0.end.iso8601)" } == [
            "2027-03-12T12:00:00+09:00/2027-03-12T13:00:00+09:00",
            "2027-03-15T12:00:00+09:00/2027-03-15T13:00:00+09:00",
            "2027-03-15T15:00:00+09:00/2027-03-15T15:15:00+09:00",
        ])
        #expect(i.rooms.first { $0.id == "room-b" }?.unavailable == hall.unavailable)
        #expect(i.people.first { $0.id == "p-ny" }?.hours?.zone == "America/New_York")
        #expect(i.sessions.first { $0.id == "s-plenary" }?.exclusive == true)
        #expect(i.sessions.first { $0.id == "s-meeting" }?.pick.map(\.from) == [["g-1", "g-2"], ["i-2", "i-3"]])
        #expect(i.apart == [["i-1", "i-2"]])
        #expect(i.series == [Instance.Series(id: "evenings", sessions: ["sem-1", "sem-2", "sem-3"], minDaysApart: 5, maxDaysApart: 9)])
        #expect(i.days.count == 8)
        let bytes = try JSONFormat.encode(i)
        let again = try JSONFormat.decode(Instance.self, from: bytes, file: "i.json")
        #expect(again.version == 2)
        #expect(try JSONFormat.encode(again) == bytes)
    }

    // MARK: - As the rule book and validate.py read them

    /// A schedule of the symposium: these sessions placed (room, start, picked), every other one
    /// unscheduled; and what must be found in it.
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var placed: [String: [String]]
        var violations: [String]
        var counts: [String: Int] = [:]
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        // New York moves its clocks on 14 March 2027: 10:00 in Tokyo is 20:00 there on the 12th (EST)
        // and 21:00 on the 15th (EDT). Her acceptable hours end at 21:00, her preferred ones at 18:00.
        .init(name: "remote keynote before the clock change", placed: ["s-keynote": ["hall", "2027-03-12T10:00:00+09:00"]],
              violations: [], counts: ["outsideHours": 1]),
        .init(name: "remote keynote after the clock change", placed: ["s-keynote": ["hall", "2027-03-15T10:00:00+09:00"]],
              violations: ["H8 session s-keynote is outside the acceptable hours of p-ny"]),
        .init(name: "remote keynote an hour earlier", placed: ["s-keynote": ["hall", "2027-03-15T09:00:00+09:00"]], violations: []),
        .init(name: "lunch closes the rooms", placed: ["s-plenary": ["room-b", "2027-03-12T11:30:00+09:00"]],
              violations: ["H6 room room-b is unavailable during session s-plenary"]),
        .init(name: "turnover", placed: ["s-keynote": ["hall", "2027-03-12T09:00:00+09:00"], "s-plenary": ["hall", "2027-03-12T10:00:00+09:00"]],
              violations: ["H10 sessions s-keynote and s-plenary are less than 15 minutes apart in room hall"]),
        .init(name: "beside the plenary", placed: ["s-keynote": ["room-b", "2027-03-12T09:00:00+09:00"], "s-plenary": ["hall", "2027-03-12T09:30:00+09:00"]],
              violations: ["H9 session s-keynote runs during exclusive session s-plenary"]),
        .init(name: "picks", placed: ["s-meeting": ["hall", "2027-03-12T14:00:00+09:00", "g-2", "i-3"]], violations: []),
        .init(name: "picks seating people kept apart", placed: ["s-meeting": ["hall", "2027-03-12T14:00:00+09:00", "g-2", "i-2"]],
              violations: ["H11 session s-meeting has ['i-1', 'i-2'], who must be apart"]),
        .init(name: "series a week apart", placed: ["sem-1": ["room-b", "2027-03-16T18:30:00+09:00"], "sem-2": ["room-b", "2027-03-23T18:30:00+09:00"],
                                                    "sem-3": ["room-b", "2027-03-31T18:45:00+09:00"]],
              violations: [], counts: ["seriesTime": 1]),
        .init(name: "series on evenings in a row", placed: ["sem-1": ["room-b", "2027-03-16T18:30:00+09:00"], "sem-2": ["room-b", "2027-03-17T18:30:00+09:00"]],
              violations: ["H12 series evenings: sem-2 starts 1 days after sem-1 (allowed 5..9, in order)"]),
    ]

    static func solution(_ scenario: Scenario, of instance: Instance) -> Solution {
        Solution(
            instance: instance.name,
            assignments: scenario.placed.sorted { $0.key < $1.key }.map {
                Assignment(session: $0.key, room: $0.value[0], start: Instant(iso8601: $0.value[1])!, picked: Array($0.value.dropFirst(2)))
            },
            unscheduled: instance.sessions.filter { scenario.placed[$0.id] == nil }.map { .init(session: $0.id, reason: "left out") })
    }

    @Test(arguments: scenarios)
    func eachConstructHoldsInTheCompiledInstance(_ scenario: Scenario) throws {
        let instance = try Self.symposium()
        let found = RuleBook.validate(instance, Self.solution(scenario, of: instance))
        #expect(found.messages == scenario.violations)
        for (term, n) in scenario.counts { #expect(found.count(term) == n, "\(term)") }
    }

    /// The format's own checker reads the compiled instance as the rule book does.
    @Test(.enabled(if: hasValidator, validatorMissing), arguments: scenarios)
    func validatePyAgrees(_ scenario: Scenario) throws {
        let instance = try Self.symposium()
        let solution = Self.solution(scenario, of: instance)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-instance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let i = dir.appendingPathComponent("instance.json"), s = dir.appendingPathComponent("solution.json")
        try JSONFormat.encode(instance).write(to: i)
        try JSONFormat.encode(solution).write(to: s)
        let theirs = try #require(try JSONSerialization.jsonObject(with: runValidator([i.path, s.path, "--json"])) as? [String: Any])
        let ours = RuleBook.validate(instance, solution)
        #expect(theirs["violations"] as? [String] == scenario.violations)
        #expect(ours.messages == theirs["violations"] as? [String])
        #expect(ours.score.soft == theirs["soft"] as? Int)
    }
}

/// `validate.py` from `../shared/benchmark`, beside the repository.
let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/benchmark/validate.py")

/// True when the format's checker is there to compare with.
let hasValidator = FileManager.default.fileExists(atPath: validator.path)
let validatorMissing: Comment = "skipped: ../shared/benchmark/validate.py is not beside the repository"

/// What `python3 validate.py ARGS` prints.
func runValidator(_ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", validator.path] + arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}
