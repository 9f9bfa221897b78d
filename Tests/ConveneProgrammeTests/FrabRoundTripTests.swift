import ConveneCore
import ConvenePlan
import Foundation
@testable import ConveneProgramme
import Testing

/// What a frab schedule says of its events that no rule uses (guid, id, type, language, abstract)
/// survives import, the plan file and export, so schedule apps keep their favourites.
struct FrabRoundTripTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule><conference><title>Demo Con 2024</title><acronym>democon</acronym>
        <timeslot_duration>00:05:00</timeslot_duration></conference>
        <day index="1" date="2024-02-03"><room name="Janson">
          <event id="10528" guid="8079583E-8321-506C-95AF-FD2903A5F075"><start>10:30</start><duration>00:25</duration>
            <room>Janson</room><title>Welcome</title><track>Keynotes</track><type>devroom</type><language>de</language>
            <abstract>&lt;p&gt;First &amp;amp; foremost.&lt;/p&gt;&lt;p&gt;Second
            paragraph.&lt;/p&gt;</abstract>
            <persons><person id="7">Ada Lovelace</person></persons></event>
          <event id="10529"><start>11:00</start><duration>00:50</duration><room>Janson</room><title>Second</title>
            <type>lecture</type><persons><person id="7">Ada Lovelace</person></persons></event>
        </room></day></schedule>
        """

    static func imported(_ data: Data) throws -> Event {
        try ScheduleImport(data: data, file: "schedule.xml", options: .init(
            timeZone: "Europe/Brussels", organizer: Organizer(name: "Office", email: "office@example.org"))).event
    }

    /// The plan as written to a file and read back, exported as `export --plan` does.
    static func exported(_ event: Event) throws -> (Event, String) {
        let plan = try Plan.parse(yaml: PlanWriter.yaml(event), file: "plan.yaml")
        let snapshot = Publication.Snapshot(previousOf: plan.event, at: Instant(iso8601: "2024-01-01T00:00:00Z")!)
        let publication = Publication(event: snapshot.event, removed: snapshot.removed, history: snapshot.history)
        return (plan.event, FrabSchedule(publication, language: .en).xml)
    }

    @Test func guidIDTypeLanguageAndAbstractSurviveARoundTrip() throws {
        let event = try Self.imported(Data(Self.xml.utf8))
        let welcome = try #require(event.sessions.first)
        #expect(welcome.origin == Session.Origin(guid: "8079583e-8321-506c-95af-fd2903a5f075", id: 10528, type: "devroom", language: "de"))
        #expect(welcome.description?.en == "First & foremost. Second paragraph.")
        #expect(event.sessions[1].origin == Session.Origin(id: 10529, type: "lecture"))

        let (read, xml) = try Self.exported(event)
        #expect(read.sessions.map(\.origin) == event.sessions.map(\.origin))
        #expect(xml.contains("<event guid=\"8079583e-8321-506c-95af-fd2903a5f075\" id=\"10528\">"))
        #expect(xml.contains("<type>devroom</type>") && xml.contains("<language>de</language>"))
        #expect(xml.contains("<type>lecture</type>") && xml.contains(" id=\"10529\">"))
        #expect(xml.contains("<abstract>First &amp; foremost. Second paragraph.</abstract>"))
    }

    @Test func aPlanRefusesAMalformedOrRepeatedGuid() throws {
        let event = try Self.imported(Data(Self.xml.utf8))
        let yaml = PlanWriter.yaml(event)
        let bad = yaml.replacingOccurrences(of: "guid: 8079583e-8321-506c-95af-fd2903a5f075", with: "guid: not-a-uuid")
        #expect(throws: (any Error).self) { try Plan.parse(yaml: bad, file: "plan.yaml") }
        let twice = yaml.replacingOccurrences(of: "id: 10529", with: "id: 10528")
        let error = try #require(throws: (any Error).self) { try Plan.parse(yaml: twice, file: "plan.yaml") }
        #expect("\(error)".contains("plan.yaml:") && "\(error)".contains("id 10528 is also session"))
    }

    /// FOSDEM 2024's schedule in `shared/benchmark/real` beside the repository (or beside the folder
    /// of its worktrees).
    static let fosdem: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for _ in 0..<2 {
            folder = folder.deletingLastPathComponent()
            let file = folder.appendingPathComponent("shared/benchmark/real/fosdem-2024-schedule.xml")
            if FileManager.default.fileExists(atPath: file.path) { return file }
        }
        return nil
    }()

    @Test(.enabled(if: fosdem != nil, "needs FOSDEM 2024's schedule in ../shared/benchmark/real beside the repository"))
    func fosdemKeepsEveryEventsIDTypeLanguageAndAbstract() throws {
        let data = try Data(contentsOf: try #require(Self.fosdem))
        let (_, xml) = try Self.exported(try Self.imported(data))
        func events(_ text: String) -> [String: (type: String, language: String, abstract: Bool)] {
            var out: [String: (String, String, Bool)] = [:]
            for chunk in text.components(separatedBy: "<event ").dropFirst() {
                let id = chunk.firstMatch(of: /id="(\d+)"/)!.output.1
                func field(_ name: String) -> String {
                    guard let a = chunk.range(of: "<\(name)>"), let b = chunk.range(of: "</\(name)>") else { return "" }
                    return String(chunk[a.upperBound..<b.lowerBound])
                }
                out[String(id)] = (field("type"), field("language"), !(field("abstract") + field("description")).isEmpty)
            }
            return out
        }
        let original = events(String(decoding: data, as: UTF8.self)), again = events(xml)
        #expect(original.count == 674 && again.count == 674)
        for (id, e) in original {
            let back = try #require(again[id], "event \(id) lost its id")
            #expect(back.type == e.type && back.language == e.language && back.abstract == e.abstract, "event \(id)")
        }
    }
}
