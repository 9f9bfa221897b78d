import ConveneCore
import Foundation
@testable import ConveneProgramme
import Testing

struct FrabScheduleTests {
    @Test func xmlHasEveryScheduledSessionWithStableIDsAndNoPrivatePerson() throws {
        let schedule = FrabSchedule(Forum.publication(cancelling: true), language: .en, baseURL: "https://forum.example.org")
        let xml = schedule.xml
        #expect(schedule.eventCount == 2, "the cancelled round table is left out")
        #expect(xml.contains("<acronym>test_forum</acronym>") && xml.contains("<time_zone_name>Asia/Tokyo</time_zone_name>"))
        #expect(xml.contains("<date>2027-03-12T09:00:00+09:00</date>") && xml.contains("<duration>01:00</duration>"))
        #expect(xml.contains("<title>Access to trials &amp; &lt;drugs&gt;</title>"))
        #expect(xml.contains("Sophie Martin</person>") && !xml.contains("Ito Naoko") && !xml.contains("representative"))
        #expect(xml.contains("<url>https://forum.example.org/#opening</url>"))
        #expect(xml.contains("<link href=\"https://stream.example.org/hall\">Join online</link>") && !xml.contains("secret"))
        #expect(xml == FrabSchedule(Forum.publication(cancelling: true), language: .en, baseURL: "https://forum.example.org").xml)
    }

    @Test func jsonCarriesWhatTheSchemaRequires() throws {
        let text = try FrabSchedule(Forum.publication(), baseURL: nil).json()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let conference = try #require((root["schedule"] as? [String: Any])?["conference"] as? [String: Any])
        #expect(conference["daysCount"] as? Int == 1 && conference["acronym"] as? String == "test_forum")
        let days = try #require(conference["days"] as? [[String: Any]])
        let rooms = try #require(days.first?["rooms"] as? [String: [[String: Any]]])
        let opening = try #require(rooms["ホール / Main Hall"]?.first)
        for key in ["abstract", "date", "duration", "guid", "id", "language", "links", "persons", "room", "slug", "start",
                    "subtitle", "title", "track", "type", "url"] {
            #expect(opening[key] != nil, "\(key)")
        }
        #expect((opening["url"] as? String)?.hasPrefix("urn:uuid:") == true)
        #expect((opening["persons"] as? [[String: Any]])?.map { $0["public_name"] as? String } == ["Sophie Martin"])
    }

    @Test func importsPentabarfXMLWithItsPublishedTimesAsPrevious() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <schedule><conference><title>Demo Con 2024</title><acronym>democon</acronym>
            <timeslot_duration>00:05:00</timeslot_duration></conference>
            <day index="1" date="2024-02-03"><room name="Janson">
              <event id="1"><start>10:30</start><duration>00:25</duration><room>Janson</room><title>Welcome to  Demo</title>
                <track>Keynotes</track><type>keynote</type><language>en</language><abstract>&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</abstract>
                <persons><person id="7">Ada Lovelace</person><person id="8">Grace Hopper</person></persons></event>
              <event id="2"><start>11:00</start><duration>00:50</duration><room>Janson</room><title>Second</title>
                <track>Keynotes</track><type>talk</type><persons><person id="7">Ada Lovelace</person></persons></event>
            </room><room name="K.1.105"></room></day></schedule>
            """
        let imported = try ScheduleImport(data: Data(xml.utf8), file: "schedule.xml", options: .init(
            timeZone: "Europe/Brussels", organizer: Organizer(name: "", email: "office@example.org"), capacities: ["Janson": 1415]))
        let e = imported.event
        #expect(e.id == "democon" && e.slotMinutes == 5 && e.timeZone == "Europe/Brussels")
        #expect(e.rooms.map(\.name.en) == ["Janson", "K.1.105"] && e.rooms.map(\.capacity) == [1415, 100])
        #expect(imported.assumedCapacity == ["K.1.105"])
        #expect(e.stakeholders.map(\.name) == ["Ada Lovelace", "Grace Hopper"] && e.stakeholders.allSatisfy { $0.email.isEmpty })
        let welcome = try #require(e.sessions.first)
        #expect(welcome.title.en == "Welcome to Demo" && welcome.kind == .plenary && welcome.duration == 25)
        #expect(welcome.description?.en == "Hello & welcome")
        #expect(welcome.previously?.start == Instant(iso8601: "2024-02-03T10:30:00+01:00"))
        #expect(welcome.pin == nil && e.sessions[1].required == [welcome.required[0]])
        #expect(e.tracks.map(\.name.en) == ["Keynotes"])
        #expect(e.days.count == 1 && e.previousSchedule.count == 2)
    }

    @Test func importsPretalxJSONByItsDatesAndNeedsAZoneWhenNoneIsNamed() throws {
        let json = """
            {"schedule": {"version": "1", "conference": {"title": "DemoCon", "acronym": "democon", "time_zone_name": "Europe/Berlin",
              "timeslot_duration": "00:05", "rooms": [{"name": "Gray Room", "capacity": 80}],
              "days": [{"index": 1, "date": "2020-12-14", "rooms": {"Gray Room": [
                {"guid": "8079583e-8321-506c-95af-fd2903a5f075", "id": 25, "date": "2020-12-14T09:00:00+01:00", "start": "09:00",
                 "duration": "00:30", "room": "Gray Room", "title": "Focused hardware", "track": "Phased", "type": "Talk",
                 "abstract": "Brand back-end models!", "persons": [{"code": "NQTF8Y", "public_name": "Brian Robinson"}]}]}}]}}}
            """
        let options = ScheduleImport.Options(organizer: Organizer(name: "Org", email: "office@example.org"))
        let e = try ScheduleImport(data: Data(json.utf8), file: "schedule.json", options: options).event
        #expect(e.timeZone == "Europe/Berlin" && e.rooms.first?.capacity == 80)
        #expect(e.sessions.first?.previously?.start == Instant(iso8601: "2020-12-14T08:00:00Z"))
        let noZone = json.replacingOccurrences(of: "\"time_zone_name\": \"Europe/Berlin\",", with: "")
        #expect(throws: ProgrammeError.self) { try ScheduleImport(data: Data(noZone.utf8), file: "s.json", options: options) }
    }
}
