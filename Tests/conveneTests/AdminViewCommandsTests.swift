import Foundation
import Testing

/// What an admin reads before and after the first steps: one wording for a step not taken yet, and
/// the audit log in the event's own time.
struct AdminViewCommandsTests {
    /// Every command that needs an imported event says so in the same words.
    @Test func everyCommandSaysNoEventImportedYetInOneWording() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: db, contents: Data()))
        let commands: [[String]] = [
            ["agenda"], ["agenda", "--published"], ["diff"], ["programme"], ["export", "--out", folder.url.path],
            ["invite", "--transport", "file:" + folder.url.path, "--dry-run"], ["feeds", "list"],
            ["conflicts"], ["explain", "s-any"], ["move", "s-any", "--at", "2027-02-22 10:00"], ["undo"], ["publish"],
        ]
        for command in commands {
            let r = try CommandLine.run(command + ["--db", db], in: folder.url)
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr == "error: no event imported yet (run `convene import PLAN`)\n", "\(command): \(r.stderr)")
        }
    }

    @Test func historyShowsTheEventsTimeAndWhoActed() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("forum.sqlite").path
        let plan = CommandLine.root.appendingPathComponent("calendars/rare-cancers-forum-2027/plan.yaml").path
        let imported = try CommandLine.run(["import", plan, "--db", db], in: folder.url, environment: ["USER": "secretariat"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let history = try CommandLine.run(["history", "--db", db], in: folder.url)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "times in Asia/Tokyo", "\(lines)")
        // The import, at its Tokyo time, by whoever ran it.
        let entry = try #require(lines.dropFirst().first)
        #expect(entry.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d \+09:00  import  by secretariat/) != nil, "\(lines)")
    }
}
