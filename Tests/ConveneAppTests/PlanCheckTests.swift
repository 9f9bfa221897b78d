import ConveneApp
import ConvenePlan
import Foundation
import Testing

@Suite struct PlanCheckTests {
    /// A plan whose one session needs B, written to a fresh folder with B's calendar; `b` is B's own fields.
    static func plan(b: String, calendar: String?) throws -> String {
        let dir = NSTemporaryDirectory() + "convene-check-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let calendar { try calendar.write(toFile: dir + "/b.ics", atomically: true, encoding: .utf8) }
        let yaml = """
            event:
              id: demo
              name: {en: Demo}
              timeZone: Asia/Tokyo
              organizer: {name: Secretariat, email: office@example.org}
              days:
                - {date: "2027-02-22", opens: "09:00", closes: "12:00"}
            rooms:
              - {id: hall, capacity: 100}
            people:
              - {id: p-b, name: B, email: b@example.org, group: industry\(b)}
            sessions:
              - id: s-talk
                title: {en: Talk}
                duration: 60
                required: [p-b]

            """
        try yaml.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        return dir + "/plan.yaml"
    }

    /// B away for the whole event: a trip in the calendar, or `unavailable:` in the plan.
    static let trip = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN", "BEGIN:VEVENT", "UID:trip@example.org",
                       "DTSTAMP:20270101T000000Z", "DTSTART:20270221T000000Z", "DTEND:20270224T000000Z", "SUMMARY:Trip",
                       "END:VEVENT", "END:VCALENDAR", ""].joined(separator: "\r\n")

    static func errors(_ path: String) -> [PlanDiagnostic] {
        do {
            _ = try PlanCheck.run(path: path)
            return []
        } catch let e as PlanErrors {
            return e.errors
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func aPersonBusyAllEventIsAnErrorWhetherACalendarOrThePlanSaysSo() throws {
        let byCalendar = Self.errors(try Self.plan(b: ", calendars: [b.ics]", calendar: Self.trip))
        let byPlan = Self.errors(try Self.plan(
            b: ", unavailable: [{from: \"2027-02-21 09:00\", to: \"2027-02-24 09:00\"}]", calendar: nil))
        #expect(byPlan.count == 1 && byCalendar.count == 1, "\(byPlan) \(byCalendar)")
        #expect(byPlan.first?.message.contains("session 's-talk' can never be scheduled") == true, "\(byPlan)")
        // The same error, at the same place: the session's `required` field.
        #expect(byCalendar.map { [$0.line, $0.column] } == byPlan.map { [$0.line, $0.column] })
        #expect(byCalendar.first?.message.hasPrefix("session 's-talk' can never be scheduled") == true, "\(byCalendar)")
        // A calendar that leaves time free is no error.
        #expect(Self.errors(try Self.plan(b: ", calendars: [b.ics]", calendar: Self.trip.replacingOccurrences(
            of: "DTEND:20270224T000000Z", with: "DTEND:20270221T010000Z"))).isEmpty)
    }
}
