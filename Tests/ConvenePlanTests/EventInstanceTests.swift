import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// Compiling a plan into the neutral instance: version 1 unless the plan needs version 2, and each
/// version 2 construct as the format's own checker (`validate.py`) and the rule book read it.
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

    // MARK: - As validate.py reads them

    /// The H8 and outsideHours findings for the New York keynote at a Tokyo start.
    func keynote(at start: String) throws -> [String: Any] {
        try validated(["s-keynote": ("hall", start, [])])
    }

    /// New York moves its clocks on 14 March 2027: 10:00 in Tokyo is 20:00 there on the 12th (EST) and
    /// 21:00 on the 15th (EDT). Acceptable hours there end at 21:00.
    @Test(.enabled(if: hasValidator, validatorMissing))
    func hoursAreReadOnTheRemotePersonsClockAcrossDaylightSaving() throws {
        let before = try keynote(at: "2027-03-12T10:00:00+09:00")
        #expect(before["violations"] as? [String] == [])
        #expect((before["breakdown"] as? [String: Int])?["outsideHours"] == 1)
        let after = try keynote(at: "2027-03-15T10:00:00+09:00")
        #expect(after["violations"] as? [String] == ["H8 session s-keynote is outside the acceptable hours of p-ny"])
        let earlier = try keynote(at: "2027-03-15T09:00:00+09:00")
        #expect(earlier["violations"] as? [String] == [])
    }

    @Test(.enabled(if: hasValidator, validatorMissing))
    func breaksTurnoverAndThePlenaryHold() throws {
        let lunch = try validated(["s-plenary": ("room-b", "2027-03-12T11:30:00+09:00", [])])
        #expect(lunch["violations"] as? [String] == ["H6 room room-b is unavailable during session s-plenary"])
        let changeover = try validated(["s-keynote": ("hall", "2027-03-12T09:00:00+09:00", []),
                                        "s-plenary": ("hall", "2027-03-12T10:00:00+09:00", [])])
        #expect(changeover["violations"] as? [String] == ["H10 sessions s-keynote and s-plenary are less than 15 minutes apart in room hall"])
        let parallel = try validated(["s-keynote": ("room-b", "2027-03-12T09:00:00+09:00", []),
                                      "s-plenary": ("hall", "2027-03-12T09:30:00+09:00", [])])
        #expect(parallel["violations"] as? [String] == ["H9 session s-keynote runs during exclusive session s-plenary"])
    }

    @Test(.enabled(if: hasValidator, validatorMissing))
    func picksAndApartHold() throws {
        let good = try validated(["s-meeting": ("hall", "2027-03-12T14:00:00+09:00", ["g-2", "i-3"])])
        #expect(good["violations"] as? [String] == [])
        let conflicted = try validated(["s-meeting": ("hall", "2027-03-12T14:00:00+09:00", ["g-2", "i-2"])])
        #expect(conflicted["violations"] as? [String] == ["H11 session s-meeting has ['i-1', 'i-2'], who must be apart"])
    }

    @Test(.enabled(if: hasValidator, validatorMissing))
    func seriesKeepsItsCadenceAndTime() throws {
        let weekly = try validated(["sem-1": ("room-b", "2027-03-16T18:30:00+09:00", []),
                                    "sem-2": ("room-b", "2027-03-23T18:30:00+09:00", []),
                                    "sem-3": ("room-b", "2027-03-31T18:45:00+09:00", [])])
        #expect(weekly["violations"] as? [String] == [])
        #expect((weekly["breakdown"] as? [String: Int])?["seriesTime"] == 1)
        let bunched = try validated(["sem-1": ("room-b", "2027-03-16T18:30:00+09:00", []),
                                     "sem-2": ("room-b", "2027-03-17T18:30:00+09:00", [])])
        #expect(bunched["violations"] as? [String] == ["H12 series evenings: sem-2 starts 1 days after sem-1 (allowed 5..9, in order)"])
    }

    /// validate.py's findings for the symposium with these sessions placed (room, start, picked) and
    /// every other one unscheduled.
    func validated(_ placed: [String: (String, String, [String])]) throws -> [String: Any] {
        let instance = try Self.symposium()
        let solution = Solution(
            instance: instance.name,
            assignments: placed.sorted { $0.key < $1.key }.map {
                Assignment(session: $0.key, room: $0.value.0, start: Instant(iso8601: $0.value.1)!, picked: $0.value.2)
            },
            unscheduled: instance.sessions.filter { placed[$0.id] == nil }.map { .init(session: $0.id, reason: "left out") })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-instance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let i = dir.appendingPathComponent("instance.json"), s = dir.appendingPathComponent("solution.json")
        try JSONFormat.encode(instance).write(to: i)
        try JSONFormat.encode(solution).write(to: s)
        let out = try runValidator([i.path, s.path, "--json"])
        let theirs = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        // The rule book reads the compiled instance as the format's checker does.
        let ours = RuleBook.validate(instance, solution)
        #expect(ours.messages == theirs["violations"] as? [String])
        #expect(ours.score.soft == theirs["soft"] as? Int)
        return theirs
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
