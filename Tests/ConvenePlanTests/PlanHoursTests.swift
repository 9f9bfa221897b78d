import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// People's own hours, breaks, room turnover and exclusive sessions, as a plan writes them.
struct PlanHoursTests {
    @Test func remotePeopleGetHoursInTheirOwnZone() throws {
        let e = try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event
        let ny = try #require(e.stakeholder("p-ny"))
        #expect(ny.remote == true)
        // The event's remoteHours replaces the acceptable default; the preferred default stays.
        #expect(ny.hours == Instance.Hours(zone: "America/New_York", acceptable: .init(start: 420, end: 1260),
                                           preferred: .init(start: 540, end: 1080)))
        let paris = try #require(e.stakeholder("p-paris"))
        #expect(paris.hours == Instance.Hours(zone: "Europe/Paris", acceptable: .init(start: 420, end: 1260),
                                              preferred: .init(start: 480, end: 1200)))
        // Someone from Paris who comes to Tokyo keeps Tokyo hours.
        let visitor = try #require(e.stakeholder("p-visit"))
        #expect(visitor.remote == nil)
        #expect(visitor.hours == Instance.Hours(zone: "Asia/Tokyo", acceptable: .init(start: 600, end: 960)))
        #expect(e.stakeholder("p-a")?.hours == nil)
    }

    @Test func remoteHoursHaveDefaults() throws {
        let yaml = symposiumPlan.replacingOccurrences(of: "  remoteHours: {acceptable: [\"07:00\", \"21:00\"]}\n", with: "")
        let ny = try #require(try Plan.parse(yaml: yaml, file: "plan.yaml").event.stakeholder("p-ny"))
        #expect(ny.hours == Instance.Hours(zone: "America/New_York", acceptable: .init(start: 420, end: 1320),
                                           preferred: .init(start: 540, end: 1080)))
        let none = yaml.replacingOccurrences(of: "remote: true}", with: "remote: true, hours: {acceptable: null, preferred: null}}")
        #expect(try Plan.parse(yaml: none, file: "plan.yaml").event.stakeholder("p-ny")?.hours == nil)
    }

    @Test func breaksCloseEveryDayTheyTouch() throws {
        let e = try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event
        let breaks = try #require(e.breaks)
        // Lunch on both daytime days (not on the series' evenings), and one coffee break.
        #expect(breaks.map { "\($0.interval.start.iso8601) \($0.interval.end.iso8601)" } == [
            "2027-03-12T12:00:00+09:00 2027-03-12T13:00:00+09:00",
            "2027-03-15T12:00:00+09:00 2027-03-15T13:00:00+09:00",
            "2027-03-15T15:00:00+09:00 2027-03-15T15:15:00+09:00",
        ])
        #expect(breaks[0].name == LocalizedText(ja: "昼食", en: "Lunch"))
        #expect(breaks[2].name == nil)
    }

    @Test func turnoverAndExclusiveAreRead() throws {
        let e = try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event
        #expect(e.room("hall")?.turnover == 15)
        #expect(e.room("room-b")?.turnover == nil)
        #expect(e.session("s-plenary")?.exclusive == true)
        #expect(e.session("s-keynote")?.exclusive == nil)
    }

    static let cases: [(String, String, String, String, String)] = [
        ("hours end first", "{acceptable: [\"07:00\", \"21:00\"]}", "{acceptable: [\"21:00\", \"07:00\"]}", "\"07:00\"]}",
         "ends before it starts; hours lie within one day"),
        ("hours not a pair", "{acceptable: [\"07:00\", \"21:00\"]}", "{acceptable: \"07:00-21:00\"}", "\"07:00-21:00\"",
         "must be two times of day"),
        ("hours bad time", "{acceptable: [\"07:00\", \"21:00\"]}", "{acceptable: [\"7am\", \"21:00\"]}", "\"7am\"",
         "write a time of day as \"HH:MM\""),
        ("hours unknown field", "hours: {preferred:", "hours: {prefered:", "prefered", "did you mean 'preferred'?"),
        ("remote not a flag", "remote: true,\n", "remote: yes please,\n", "yes please", "must be true or false"),
        ("preferred outside acceptable", "hours: {preferred: [\"08:00\", \"20:00\"]}", "hours: {preferred: [\"06:00\", \"20:00\"]}",
         "[\"06:00\"", "preferred hours 06:00–20:00 reach outside the acceptable hours 07:00–21:00"),
        ("remote speaker at night", "    required: [p-ny]\n", "    required: [p-paris]\n    windows: [{from: \"2027-03-12 09:00\", to: \"2027-03-12 12:00\"}]\n",
         "[p-paris]", "session 's-keynote' can never be scheduled: no start it could have lies within the acceptable hours of p-paris 07:00–21:00 Europe/Paris"),
        ("turnover negative", "turnover: 15", "turnover: -5", "-5", "must be at least 0"),
        ("exclusive not a flag", "exclusive: true", "exclusive: maybe", "maybe", "must be true or false"),
        ("break ends first", "{from: \"12:00\", to: \"13:00\"", "{from: \"13:00\", to: \"12:00\"", "\"12:00\", name", "ends before it starts"),
        ("dated break on no day", "\"2027-03-15 15:00\", to: \"2027-03-15 15:15\"", "\"2027-03-14 15:00\", to: \"2027-03-14 15:15\"",
         "{from: \"2027-03-14", "falls on no day of the event"),
        ("break without to", "{from: \"12:00\", to: \"13:00\", name", "{from: \"12:00\", name", "{from: \"12:00\"", "'event.breaks[0].to' is missing"),
    ]

    @Test(arguments: 0..<cases.count)
    func problemIsLocated(_ index: Int) throws {
        try expectLocated(Self.cases[index], in: symposiumPlan)
    }

    @Test func anEventNeedsADay() throws {
        try expectLocated(("no day", "  days:\n    - {date: \"2027-02-22\", opens: \"09:00\", closes: \"12:00\"}\n", "  days: []\n",
                           "[]", "the event has no day: list them in 'event.days', or add a 'series'"), in: basePlan)
    }
}

/// Replaces `find` in `plan` and expects a diagnostic with `phrase` at the start of `marker`.
func expectLocated(_ c: (String, String, String, String, String), in plan: String) throws {
    let (name, find, replace, marker, phrase) = c
    #expect(plan.contains(find), "\(name): the plan lacks '\(find)'")
    let yaml = plan.replacingOccurrences(of: find, with: replace)
    let found: [PlanDiagnostic]
    do {
        found = try Plan.parse(yaml: yaml, file: "plan.yaml").warnings
    } catch let e as PlanErrors {
        found = e.diagnostics
    }
    let (line, column) = location(of: marker, in: yaml)
    let hit = found.first { $0.line == line && $0.column == column && $0.message.contains(phrase) }
    #expect(hit != nil, "\(name): expected \(line):\(column) '\(phrase)', got \(found.map(\.description))")
}
