import Foundation
import Testing

/// `import-schedule`, `export --format frab-*`, `programme` and `agenda --language`, as a person runs them.
struct ProgrammeCommandsTests {
    static let pretalx = CommandLine.root.appendingPathComponent("Tests/Fixtures/frab/example-pretalx-democon.json").path
    static let plan = CommandLine.root.appendingPathComponent("calendars/rare-cancers-forum-2027/plan.yaml").path

    @Test func aPretalxScheduleBecomesACheckedPlanThatExportsTheSameEvents() throws {
        let dir = try TemporaryFolder()
        let plan = dir.url.appendingPathComponent("democon.yaml").path
        let made = try CommandLine.run(["import-schedule", Self.pretalx, "-o", plan, "--organizer-email", "office@example.org"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("36 sessions"))
        #expect(try CommandLine.run(["check", plan]).status == 0)
        let out = dir.url.appendingPathComponent("out").path
        let exported = try CommandLine.run(["export", "--plan", plan, "--format", "frab-xml", "--out", out])
        #expect(exported.stdout.hasPrefix("36 session(s) in "))
        let xml = try String(contentsOfFile: out + "/schedule.xml", encoding: .utf8)
        #expect(xml.contains("<title>Focused 5thgeneration hardware</title>") && xml.contains("<date>2020-12-14T08:00:00Z</date>"))
        // With the server's address, each entry links into the event's programme at its own address.
        let linked = try CommandLine.run(["export", "--plan", plan, "--format", "frab-xml", "--out", out, "--base-url", "https://democon.example.org/"])
        #expect(linked.status == 0, "\(linked.stderr)")
        let id = "democon"
        #expect(try String(contentsOfFile: plan, encoding: .utf8).contains("\n  id: \(id)\n"))
        let withLinks = try String(contentsOfFile: out + "/schedule.xml", encoding: .utf8)
        #expect(withLinks.contains("<base_url>https://democon.example.org/events/\(id)/</base_url>"), "\(id)")
        #expect(withLinks.contains("<url>https://democon.example.org/events/\(id)/#"))
        #expect(!withLinks.contains("https://democon.example.org/#"))
    }

    @Test func aScheduleWithoutAZoneNeedsOne() throws {
        let dir = try TemporaryFolder()
        let file = dir.url.appendingPathComponent("schedule.xml")
        try Data("""
            <schedule><conference><title>X</title></conference><day index="1" date="2024-02-03"><room name="A">
            <event id="1"><start>10:00</start><duration>00:30</duration><room>A</room><title>T</title></event>
            </room></day></schedule>
            """.utf8).write(to: file)
        let r = try CommandLine.run(["import-schedule", file.path, "-o", dir.url.appendingPathComponent("p.yaml").path,
                                     "--organizer-email", "office@example.org"])
        #expect(r.status == 1 && r.stderr.contains("names no time zone; give --time-zone"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("p.yaml").path))
    }

    @Test func programmeAndAgendaInOneLanguage() throws {
        let dir = try TemporaryFolder()
        let db = dir.url.appendingPathComponent("forum.sqlite").path
        #expect(try CommandLine.run(["import", Self.plan, "--db", db]).status == 0)
        #expect(try CommandLine.run(["schedule", "--time-limit", "1", "--db", db]).status == 0)
        // The programme is what people read: the published schedule.
        #expect(try CommandLine.run(["programme", "--db", db]).stderr.contains("nothing published yet (run `convene publish`)"))
        #expect(try CommandLine.run(["publish", "--db", db]).status == 0)
        let en = try CommandLine.run(["agenda", "--language", "en", "--db", db])
        #expect(en.status == 0 && en.stdout.contains("Opening Plenary") && !en.stdout.contains("開会全体会議"))
        #expect(en.stdout.contains("Track: Plenaries") && en.stdout.contains("Minato International Conference Centre"))
        let md = try CommandLine.run(["programme", "--format", "md", "--language", "ja", "--db", db])
        #expect(md.status == 0 && md.stdout.contains("開会全体会議") && !md.stdout.contains("Opening Plenary"))
        #expect(md.stdout.contains("真島 恵子") && !md.stdout.contains("中野 美咲"), "a listed patient is named, others are not")
        let html = try CommandLine.run(["programme", "--db", db])
        #expect(html.stdout.contains("https://stream.example.org/rcf2027/main-hall") && !html.stdout.contains("pwd=k3x9"))
        let pdf = try CommandLine.run(["programme", "--format", "pdf", "-o", dir.url.appendingPathComponent("p.pdf").path, "--db", db],
                                      environment: ["CONVENE_CHROMIUM": "/nonexistent/chromium"])
        #expect(pdf.status == 1 && pdf.stderr.contains("cannot start /nonexistent/chromium"))
    }
}
