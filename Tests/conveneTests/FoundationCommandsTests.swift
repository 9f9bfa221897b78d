import Foundation
import Testing

/// `check`, `compile`, `import` and `status` on the bundled example, run as a person would.
struct FoundationCommandsTests {
    static let plan = "calendars/rare-cancers-forum-2027/plan.yaml"

    @Test func checkAcceptsTheExample() throws {
        let r = try CommandLine.run(["check", Self.plan])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("OK rare-cancers-forum-2027: 2 days"))
    }

    @Test func checkReportsEveryErrorWithItsPlace() throws {
        let tmp = try TemporaryFolder()
        var text = try String(contentsOf: CommandLine.root.appendingPathComponent(Self.plan), encoding: .utf8)
        text = text.replacingOccurrences(of: "timeZone: Asia/Tokyo", with: "timeZone: Asia/Tokio")
        let ids = text.components(separatedBy: "\n").filter { $0.hasPrefix("  - id: s-") }
        text = text.replacingOccurrences(of: ids[1] + "\n", with: ids[0] + "\n")
        // Beside its calendars, which check reads too.
        let folder = tmp.url.appendingPathComponent("forum")
        try FileManager.default.copyItem(at: CommandLine.root.appendingPathComponent(Self.plan).deletingLastPathComponent(), to: folder)
        let bad = folder.appendingPathComponent("plan.yaml")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let r = try CommandLine.run(["check", bad.path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(bad.path):") && $0.contains(": error: unknown time zone 'Asia/Tokio'") })
        #expect(lines.contains { $0.hasPrefix("\(bad.path):") && $0.contains(": error: duplicate session id") })
        #expect(lines.last == "2 errors")
        #expect(r.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CommandLine.run(["check"]).status == 2)
        #expect(try CommandLine.run(["frobnicate"]).status == 2)
        #expect(try CommandLine.run(["--help"]).status == 0)
    }

    @Test func importThenStatusReportsTheCounts() throws {
        let tmp = try TemporaryFolder()
        let db = tmp.url.appendingPathComponent("forum.sqlite").path
        let imported = try CommandLine.run(["import", Self.plan, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let status = try CommandLine.run(["status", "--json"], environment: ["CONVENE_DB": db])
        #expect(status.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["event"] as? String == "rare-cancers-forum-2027")
        #expect(json?["sessions"] as? Int == 34)
        #expect(json?["people"] as? Int == 44)
        #expect(json?["rooms"] as? Int == 9)
        // Importing the same plan again changes nothing.
        let again = try CommandLine.run(["import", Self.plan, "--db", db])
        #expect(again.stdout.contains("no change") && again.stdout.contains("nothing saved"))
        #expect(try CommandLine.run(["status", "--json"], environment: ["CONVENE_DB": db]).stdout.contains("\"auditEntries\" : 1"))
    }

    @Test func eventPicksTheStoredEventAndRefusesOthersNamingIt() throws {
        let tmp = try TemporaryFolder()
        let db = tmp.url.appendingPathComponent("forum.sqlite").path
        #expect(try CommandLine.run(["import", Self.plan, "--db", db]).status == 0)
        let picked = try CommandLine.run(["status", "--db", db, "--event", "rare-cancers-forum-2027"])
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(picked.stdout == (try CommandLine.run(["status", "--db", db])).stdout)
        let other = try CommandLine.run(["status", "--db", db, "--event", "seminar-2027"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("the store holds no event 'seminar-2027'; it holds rare-cancers-forum-2027"), "\(other.stderr)")
    }

    @Test func compileWritesAnInstance() throws {
        let tmp = try TemporaryFolder()
        let out = tmp.url.appendingPathComponent("instance.json")
        let r = try CommandLine.run(["compile", Self.plan, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect(json?["format"] as? String == "convene-instance/1")
        #expect((json?["sessions"] as? [Any])?.count == 34)
    }

    @Test func brokenDatabaseIsAClearError() throws {
        let tmp = try TemporaryFolder()
        let db = tmp.url.appendingPathComponent("not.sqlite")
        try Data("not a database at all, just text".utf8).write(to: db)
        let r = try CommandLine.run(["status", "--db", db.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a Convene database"))
    }
}
