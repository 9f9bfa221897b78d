import Foundation
import Testing

/// Commands given hostile or mistaken input answer in words and leave nothing behind.
struct HostileInputCommandsTests {
    @Test(arguments: [["agenda"], ["status"], ["conflicts"], ["history"], ["export", "--out", "feeds"]])
    func readingCommandsNeverCreateADatabase(_ command: [String]) throws {
        let tmp = try TemporaryFolder()
        let db = tmp.url.appendingPathComponent("mistyped.sqlite").path
        let r = try CommandLine.run(command + ["--db", db], in: tmp.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("no database at \(db)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// The calendar of the issue, with CR line ends only: `busy`, `check` and `import` read it alike.
    @Test func crOnlyCalendarIsReadByBusyCheckAndImport() throws {
        let tmp = try TemporaryFolder()
        let calendar = "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:a\rDTSTART:20270222T010000Z\rDTEND:20270222T020000Z\r"
            + "END:VEVENT\rEND:VCALENDAR\r"
        try calendar.write(to: tmp.url.appendingPathComponent("cr.ics"), atomically: true, encoding: .utf8)
        let busy = try CommandLine.run(["busy", "cr.ics", "--from", "2027-01-01", "--to", "2027-12-31"], in: tmp.url)
        #expect(busy.status == 0)
        #expect(busy.stdout == "2027-02-22T01:00:00Z  2027-02-22T02:00:00Z  busy\n")

        var plan = try String(contentsOf: CommandLine.root.appendingPathComponent(FoundationCommandsTests.plan), encoding: .utf8)
        plan = plan.replacingOccurrences(of: "calendars: [majima-keiko.ics]", with: "calendars: [cr.ics]")
        let folder = CommandLine.root.appendingPathComponent("calendars/rare-cancers-forum-2027")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".ics") {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: tmp.url.appendingPathComponent(file))
        }
        let planFile = tmp.url.appendingPathComponent("plan.yaml")
        try plan.write(to: planFile, atomically: true, encoding: .utf8)
        #expect(try CommandLine.run(["check", planFile.path], in: tmp.url).status == 0)
        let imported = try CommandLine.run(["import", planFile.path, "--db", "forum.sqlite"], in: tmp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func checkFailsWhenACalendarCannotBeRead() throws {
        let tmp = try TemporaryFolder()
        var plan = try String(contentsOf: CommandLine.root.appendingPathComponent(FoundationCommandsTests.plan), encoding: .utf8)
        let calendars = plan.components(separatedBy: "\n").first { $0.contains("calendars: [") }
        let line = try #require(calendars)
        plan = plan.replacingOccurrences(of: line, with: line.components(separatedBy: "calendars:")[0] + "calendars: [missing.ics]")
        let planFile = tmp.url.appendingPathComponent("plan.yaml")
        try plan.write(to: planFile, atomically: true, encoding: .utf8)
        let r = try CommandLine.run(["check", planFile.path], in: tmp.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing.ics"))
    }
}
