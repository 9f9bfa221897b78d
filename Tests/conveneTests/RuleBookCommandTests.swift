import Foundation
import Testing

/// `move`, `conflicts`, `validate` and the format's own checker judge a schedule by the same rules.
struct RuleBookCommandTests {
    typealias Forum = AdminScenarioTests.Forum

    static var validatePy: URL {
        CommandLine.root.deletingLastPathComponent().appendingPathComponent("shared/benchmark/validate.py")
    }

    static var hasShared: Bool { FileManager.default.fileExists(atPath: validatePy.path) }

    /// `2027-02-22 09:07` for a start read from `explain --json`, moved by `minutes`.
    static func local(_ iso: String, plus minutes: Int) -> String {
        let date = ISO8601DateFormatter().date(from: iso)!.addingTimeInterval(Double(minutes * 60))
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Tokyo")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    @Test func aMoveOffTheSlotGridIsRefusedAndNamedByConflicts() throws {
        let forum = try Forum().scheduled()
        let e = try forum.json("explain", "s-closing", "--json")
        let room = try #require(e["room"] as? String), start = try #require(e["start"] as? String)
        // Seven minutes off the grid, in whichever direction stays inside its window (15:30–17:30) and the day.
        let shift = Self.local(start, plus: 0) <= "2027-02-23 16:23" ? 7 : -7
        let refused = try forum.convene("move", "s-closing", "--room", room, "--at", Self.local(start, plus: shift))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("starts off the 15-minute grid of its day, which opens at 09:00"), "\(refused.stderr)")
        #expect(try forum.convene("conflicts").status == 0)
        // Without --room the session keeps its room.
        let forced = try forum.convene("move", "s-closing", "--at", Self.local(start, plus: shift), "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try forum.json("explain", "s-closing", "--json")["room"] as? String == room)
        // Off the grid is its own kind: the session is still inside its day.
        let found = try forum.json("conflicts", "--json")["conflicts"] as? [[String: Any]] ?? []
        #expect(found.contains { $0["kind"] as? String == "off-grid" && $0["rule"] as? String == "H1"
            && $0["sessions"] as? [String] == ["s-closing"] }, "\(found)")
    }

    /// The schedule in the database as a solution file: what `agenda --format csv` shows, on Tokyo's clock.
    static func solution(_ forum: Forum, sessions: [String]) throws -> [String: Any] {
        let csv = try forum.convene("agenda", "--format", "csv").stdout
        var assignments: [[String: String]] = []
        var rooms: [String: String] = [:]
        let plan = try String(contentsOfFile: forum.plan, encoding: .utf8)
        // Room names in the agenda are the plan's English names; map them back to ids.
        var lastID: String?
        for line in plan.split(separator: "\n") {
            if line.hasPrefix("  - id: ") { lastID = String(line.dropFirst(8)) }
            if let id = lastID, line.contains("name: {"), let en = line.range(of: "en: ") {
                rooms[String(line[en.upperBound...].dropLast())] = id
            }
        }
        for row in csv.split(separator: "\r\n").dropFirst() {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            assignments.append(["session": f[4], "room": rooms[f[3]] ?? f[3], "start": "\(f[0])T\(f[1]):00+09:00"])
        }
        let placed = Set(assignments.map { $0["session"]! })
        return ["format": "convene-solution/1", "instance": "rare-cancers-forum-2027", "assignments": assignments,
                "unscheduled": sessions.filter { !placed.contains($0) }.map { ["session": $0, "reason": ""] }]
    }

    /// What a Python script prints.
    static func python(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test(.enabled(if: hasShared, "skipped: ../shared/benchmark/validate.py is not beside the repository"))
    func conflictsValidateAndValidatePyAgreeFindingForFinding() throws {
        let forum = try Forum().scheduled()
        let instance = forum.folder.url.appendingPathComponent("instance.json")
        #expect(try forum.convene("compile", forum.plan, "-o", instance.path).status == 0)
        let sessions = try (JSONSerialization.jsonObject(with: Data(contentsOf: instance)) as! [String: Any])["sessions"]
            as! [[String: Any]]
        let ids = sessions.map { $0["id"] as! String }
        // Forced moves of a few sessions into one another's places, some off the grid.
        let pairs = [("s-closing", "s-opening", 0), ("s-meet-access", "s-opening", 7), ("s-panel-ppi", "s-meet-access", 15)]
        for (round, (session, target, shift)) in pairs.enumerated() {
            let t = try forum.json("explain", target, "--json")
            let moved = try forum.convene("move", session, "--room", t["room"] as! String,
                                          "--at", Self.local(t["start"] as! String, plus: shift), "--force")
            #expect(moved.status == 0, "\(moved.stderr)")
            let file = forum.folder.url.appendingPathComponent("solution-\(round).json")
            try JSONSerialization.data(withJSONObject: try Self.solution(forum, sessions: ids)).write(to: file)

            let ours = try forum.json("validate", "--instance", instance.path, "--solution", file.path, "--json")
            let theirs = try JSONSerialization.jsonObject(with: Self.python([Self.validatePy.path, instance.path, file.path, "--json"]))
                as! [String: Any]
            #expect((ours["violations"] as? [String])?.sorted() == (theirs["violations"] as? [String])?.sorted())
            #expect(ours["soft"] as? Int == theirs["soft"] as? Int)
            #expect(ours["unscheduled"] as? Int == theirs["unscheduled"] as? Int)
            #expect(!(theirs["violations"] as? [String] ?? []).isEmpty)

            func parties(_ list: Any?) -> [String] {
                (list as? [[String: Any]] ?? []).map { c in
                    [c["rule"] as? String ?? "-", c["kind"] as? String ?? ""].joined(separator: " ") + " "
                        + ["sessions", "people", "rooms"].map { ((c[$0] as? [String]) ?? []).sorted().joined(separator: ",") }
                        .joined(separator: " ")
                }.sorted()
            }
            let conflicts = try forum.json("conflicts", "--json")
            #expect(parties(conflicts["conflicts"]) == parties(ours["conflicts"]))
        }
    }
}
