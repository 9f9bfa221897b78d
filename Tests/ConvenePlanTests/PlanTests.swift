import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// A small valid plan; each test breaks one thing and expects the error at the right place.
let basePlan = """
event:
  id: demo
  name: {en: Demo Forum, ja: デモ}
  timeZone: Asia/Tokyo
  organizer: {name: Secretariat, email: office@example.org}
  days:
    - {date: "2027-02-22", opens: "09:00", closes: "12:00"}
rooms:
  - id: hall
    capacity: 100
    features: [interpretation]
  - id: small
    capacity: 10
    features: [hearing-loop]
people:
  - {id: p-a, name: A, email: a@example.org, group: patient}
  - {id: p-b, name: B, email: b@example.org, group: industry, timeZone: Europe/Paris, language: en}
sessions:
  - id: s-1
    title: {en: One}
    duration: 60
    audience: 50
    required: [p-a]
    pin: {room: hall, start: "2027-02-22 09:00"}
  - id: s-2
    title: {ja: 二}
    duration: 30
    required: [p-b]
    after: [s-1]

"""

/// Line and column (1-based, in Unicode scalars) where `marker` first starts;
/// `context|marker` finds the marker after the first `context`.
func location(of marker: String, in text: String) -> (Int, Int) {
    let parts = marker.split(separator: "|", maxSplits: 1).map(String.init)
    let from = parts.count == 2 ? text.range(of: parts[0])!.upperBound : text.startIndex
    let range = text.range(of: parts.last!, range: from..<text.endIndex)!
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
}

func diagnostics(_ yaml: String) -> [PlanDiagnostic] {
    do {
        _ = try Plan.parse(yaml: yaml, file: "plan.yaml")
        return []
    } catch let e as PlanErrors {
        return e.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

struct PlanTests {
    @Test func validPlanReadsIntoInstants() throws {
        let plan = try Plan.parse(yaml: basePlan, file: "plan.yaml")
        let e = plan.event
        #expect(e.days.first?.opens.iso8601 == "2027-02-22T09:00:00+09:00")
        #expect(e.sessions.map(\.id) == ["s-1", "s-2"])
        #expect(e.sessions[0].pin?.start.iso8601 == "2027-02-22T09:00:00+09:00")
        #expect(e.stakeholders[1].timeZone == "Europe/Paris")
        #expect(e.stakeholders[0].language == .ja)
        #expect(e.slotMinutes == 15)
        #expect(plan.summary == "demo: 1 days, 2 rooms, 2 people, 2 sessions")
    }

    @Test func bundledExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let plan = try Plan.load(path: root.appendingPathComponent("calendars/rare-cancers-forum-2027/plan.yaml").path)
        #expect(plan.event.sessions.count >= 30)
        #expect(plan.event.stakeholders.count >= 40)
        #expect(Set(plan.event.stakeholders.map(\.group)).isSuperset(of: [.patient, .industry, .government, .academia, .clinician]))
    }

    /// Each case: what to replace, with what, the marker where the error must point, and a phrase of the message.
    static let cases: [(String, String, String, String, String)] = [
        ("unknown person", "required: [p-b]", "required: [p-zz]", "p-zz", "unknown person 'p-zz'"),
        ("unknown session", "after: [s-1]", "after: [s-9]", "s-9", "unknown session 's-9'"),
        ("unknown room", "pin: {room: hall,", "pin: {room: attic,", "{room: attic", "unknown room 'attic'"),
        ("duplicate id", "  - id: s-2\n", "  - id: s-1\n", "s-1\n    title: {ja", "duplicate session id 's-1'"),
        ("unknown time zone", "timeZone: Asia/Tokyo", "timeZone: Asia/Tokio", "Asia/Tokio", "unknown time zone 'Asia/Tokio'"),
        ("person time zone", "timeZone: Europe/Paris", "timeZone: Paris", "Paris,", "unknown time zone 'Paris'"),
        ("not whole slots", "duration: 30", "duration: 25", "25", "not a whole number of 15-minute slots"),
        ("longer than any day", "duration: 30", "duration: 240", "240", "the longest day is open 180 minutes"),
        ("audience too large", "duration: 30", "duration: 30\n    audience: 500", "500", "no room seats 500 (the largest seats 100)"),
        ("pinned audience too large", "audience: 50", "audience: 500", "{room: hall", "hall seats 100, but \"One\" (s-1) expects 500"),
        ("feature no room has", "required: [p-b]\n", "required: [p-b]\n    features: [wifi]\n", "[wifi]", "no room has wifi"),
        ("no room with feature seats audience", "required: [p-b]\n", "required: [p-b]\n    audience: 20\n    features: [hearing-loop]\n", "audience: 20|[hearing-loop]", "no room seats 20 and has hearing-loop"),
        ("unknown track", "    after: [s-1]\n", "    after: [s-1]\n    track: polcy\ntracks: [{id: policy}]\n", "polcy", "unknown track 'polcy' in 'sessions[1].track' (did you mean 'policy'?)"),
        ("bad online link", "capacity: 10\n", "capacity: 10\n    online: zoom.example/j/1\n", "zoom.example", "not a web address"),
        ("previously in unknown room", "required: [p-b]\n", "required: [p-b]\n    previously: {room: attic, start: \"2027-02-22 10:00\"}\n", "attic", "unknown room 'attic'"),
        ("bad track colour", "rooms:\n", "tracks: [{id: policy, color: red}]\nrooms:\n", "red", "write a colour as"),
        ("public is true or false", "group: industry,", "group: industry, public: maybe,", "maybe", "must be true or false"),
        ("composition", "required: [p-b]\n", "required: [p-b]\n    composition: [{groups: [patient, government]}]\n", "[{groups", "none is from patient, government"),
        ("after cycle", "required: [p-a]\n    pin", "required: [p-a]\n    after: [s-2]\n    pin", "[s-1]", "forms a cycle: s-1 → s-2 → s-1"),
        ("pin outside days", "start: \"2027-02-22 09:00\"", "start: \"2027-02-23 09:00\"", "{room: hall", "outside every day"),
        ("pin off the grid", "start: \"2027-02-22 09:00\"", "start: \"2027-02-22 09:10\"", "{room: hall", "starts off the 15-minute grid"),
        ("longer than its window", "after: [s-1]\n", "after: [s-1]\n    windows: [{from: \"2027-02-22 10:00\", to: \"2027-02-22 10:15\"}]\n", "windows: |[{from", "none of its windows holds that"),
        ("pin inside a closure", "    capacity: 100\n", "    capacity: 100\n    closures: [{from: \"2027-02-22 09:30\", to: \"2027-02-22 09:45\"}]\n", "{room: hall", "hall is closed 2027-02-22 09:30–09:45"),
        ("feature typo", "required: [p-b]\n", "required: [p-b]\n    features: [interpretaton]\n", "[interpretaton]", "did you mean 'interpretation'?"),
        ("calendar missing", "language: en}", "language: en, calendars: [nowhere.ics]}", "nowhere.ics", "calendar 'nowhere.ics' of 'p-b' does not exist"),
        ("malformed email", "email: b@example.org", "email: b@@example", "b@@example", "not an e-mail address"),
        ("unknown field", "duration: 60", "duraton: 60", "duraton", "did you mean 'duration'?"),
        ("bad time", "opens: \"09:00\"", "opens: \"9am\"", "\"9am\"", "write a time of day"),
        ("wrong type", "capacity: 100", "capacity: lots", "lots", "must be a whole number"),
        ("bad group", "group: patient", "group: patients", "patients", "expected one of patient, industry"),
        // Ids are exactly what README says: lowercase ASCII letters, digits and '-'.
        ("id with underscore", "id: s-2\n", "id: s_2\n", "s_2", "ids use lowercase ASCII letters, digits and '-'"),
        ("id with a dot", "id: hall\n", "id: hall.a\n", "hall.a", "ids use lowercase ASCII letters, digits and '-'"),
        ("id with capitals", "id: p-a,", "id: P-A,", "P-A", "ids use lowercase ASCII letters, digits and '-'"),
    ]

    @Test(arguments: 0..<cases.count)
    func errorIsLocated(_ index: Int) throws {
        let (name, find, replace, marker, phrase) = Self.cases[index]
        #expect(basePlan.contains(find), "\(name): base plan lacks '\(find)'")
        let yaml = basePlan.replacingOccurrences(of: find, with: replace)
        let found = diagnostics(yaml)
        let (line, column) = location(of: marker, in: yaml)
        let hit = found.first { $0.line == line && $0.column == column && $0.message.contains(phrase) }
        #expect(hit != nil, "\(name): expected \(line):\(column) '\(phrase)', got \(found.map(\.description))")
    }

    /// Two required people who must be kept apart: one error, at the session's `required`.
    @Test func anApartPairIsReportedOnce() {
        let yaml = basePlan.replacingOccurrences(of: "required: [p-b]", with: "required: [p-b, p-a]") + "apart: [[p-a, p-b]]\n"
        let found = diagnostics(yaml).filter { $0.message.contains("apart") }
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.message == "session 's-2' requires p-a and p-b, who are kept apart ('apart')")
    }

    @Test func everyErrorIsReportedAtOnce() {
        var yaml = basePlan.replacingOccurrences(of: "timeZone: Asia/Tokyo", with: "timeZone: Asia/Tokio")
        yaml = yaml.replacingOccurrences(of: "  - id: s-2\n", with: "  - id: s-1\n")
        yaml = yaml.replacingOccurrences(of: "email: a@example.org", with: "email: nobody")
        let found = diagnostics(yaml).filter { $0.severity == .error }
        #expect(found.count == 3, "\(found)")
        #expect(found.map(\.line) == found.map(\.line).sorted())
        #expect(found[0].description == "plan.yaml:4:13: error: unknown time zone 'Asia/Tokio' in 'event.timeZone'; use an IANA name such as Asia/Tokyo")
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let found = diagnostics(basePlan.replacingOccurrences(of: "capacity: 100", with: "capacity: [100"))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML:") == true)
        #expect((found.first?.line ?? 0) >= 11)
    }

    @Test func controlCharactersAreRefused() {
        let found = diagnostics(basePlan.replacingOccurrences(of: "title: {en: One}", with: "title: {en: \"One\\r\\nBCC: x\"}"))
        #expect(found.contains { $0.message.contains("control character") })
    }

    /// A session that only fits in hall, which is closed at some moment of every hour it could have
    /// (small is too small): the reason must name the closures.
    @Test func closuresAreBlamedNotPeople() {
        let yaml = basePlan.replacingOccurrences(of: "    capacity: 100\n", with: """
                capacity: 100
                closures: [{from: "2027-02-22 09:45", to: "2027-02-22 10:00"}, {from: "2027-02-22 10:45", to: "2027-02-22 11:00"},
                           {from: "2027-02-22 11:45", to: "2027-02-22 12:00"}]

            """).replacingOccurrences(of: "    duration: 30\n", with: "    duration: 60\n    audience: 50\n")
        let found = diagnostics(yaml)
        #expect(found.map(\.message).contains("session 's-2' can never be scheduled: its only fitting room, hall, is closed at every start it could have"),
                "\(found)")
    }

    @Test func warningsDoNotFailThePlan() throws {
        let yaml = basePlan.replacingOccurrences(of: "features: [hearing-loop]", with: "features: [hearing-loop, interpretaton]")
            .replacingOccurrences(of: "opens: \"09:00\"", with: "opens: \"０９：００\"")
            .replacingOccurrences(of: "    capacity: 10\n", with: "    capacity: 5\n")
            .replacingOccurrences(of: "    duration: 30\n", with: "    duration: 30\n    audience: 8\n")
        let plan = try Plan.parse(yaml: yaml, file: "plan.yaml")
        let messages = plan.warnings.map(\.description)
        #expect(plan.event.days[0].opens.iso8601 == "2027-02-22T09:00:00+09:00")
        #expect(messages.contains { $0.contains("warning: 'event.days[0].opens' is written with full-width characters ('０９：００'); read as '09:00'") })
        #expect(messages.contains { $0.contains("room 'small' seats 5, fewer than any session expects (the smallest audience is 8)") })
        #expect(messages.contains { $0.contains("room 'small' offers 'interpretaton', which no session asks for; did you mean 'interpretation'?") } == false)
        let typo = basePlan.replacingOccurrences(of: "features: [interpretation]", with: "features: [interpretaton]")
            .replacingOccurrences(of: "    required: [p-b]\n", with: "    required: [p-b]\n    audience: 5\n    features: [interpretation, hearing-loop]\n")
        #expect(diagnostics(typo).contains { $0.message.contains("did you mean 'interpretaton'?") })
    }

    @Test func oneAddressOnTwoPeopleIsAWarning() throws {
        let yaml = basePlan.replacingOccurrences(of: "email: b@example.org", with: "email: A@example.org")
        let plan = try Plan.parse(yaml: yaml, file: "plan.yaml")
        let (line, column) = location(of: "A@example.org", in: yaml)
        #expect(plan.warnings.map(\.description) == [
            "plan.yaml:\(line):\(column): warning: "
                + "people 'p-a' and 'p-b' share the e-mail address A@example.org; one person keeps one id in every event",
        ])
        #expect(try Plan.parse(yaml: basePlan, file: "plan.yaml").warnings.isEmpty)
    }

    @Test func calendarFilesAreCheckedBeforeImport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent("empty.ics"))
        try Data("<!DOCTYPE html><html><body>Sign in</body></html>".utf8).write(to: dir.appendingPathComponent("page.ics"))
        try Data("\u{FEFF}BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8).write(to: dir.appendingPathComponent("good.ics"))
        let yaml = basePlan.replacingOccurrences(of: "group: patient}", with: "group: patient, calendars: [empty.ics, page.ics, good.ics]}")
        let file = dir.appendingPathComponent("plan.yaml")
        try Data(yaml.utf8).write(to: file)
        #expect(throws: PlanErrors.self) { try Plan.load(path: file.path) }
        do { _ = try Plan.load(path: file.path) } catch let e as PlanErrors {
            #expect(e.errors.map(\.message) == ["calendar 'empty.ics' of 'p-a' is empty",
                                                "calendar 'page.ics' of 'p-a' is HTML or XML, not an iCalendar file (was a web page saved instead of the calendar export?)"])
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: PlanErrors.self) { try Plan.load(path: "/nonexistent/plan.yaml") }
    }
}
