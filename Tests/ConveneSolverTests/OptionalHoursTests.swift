import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneSolver

/// An optional remote person's acceptable hours cost as their absences do, with one score in the
/// rule book and in `validate.py`.
struct OptionalHoursTests {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    /// A day in Osaka, 08:00–23:00 JST; Maya in New York (08:00–20:00 there) is optional in both
    /// sessions, Ren in London (same hours) is required in one.
    static let event: Event = {
        let hours = { (zone: String) in Instance.Hours(zone: zone, acceptable: Instance.ClockRange(start: 480, end: 1200)) }
        return Event(
            id: "osaka", name: LocalizedText(en: "Osaka symposium"), kind: .symposium, timeZone: "Asia/Tokyo", slotMinutes: 30,
            days: [EventDay(date: LocalDate(year: 2027, month: 10, day: 31), opens: at("2027-10-31T08:00:00+09:00"),
                            closes: at("2027-10-31T23:00:00+09:00"))],
            organizer: Organizer(name: "Office", email: "office@example.org"),
            rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"), capacity: 100)],
            stakeholders: [
                Stakeholder(id: "maya", name: "Maya", email: "maya@example.org", group: .academia, timeZone: "America/New_York",
                            language: .en, remote: true, hours: hours("America/New_York")),
                Stakeholder(id: "ren", name: "Ren", email: "ren@example.org", group: .academia, timeZone: "Europe/London",
                            language: .en, remote: true, hours: hours("Europe/London")),
            ],
            sessions: [
                Session(id: "night", title: LocalizedText(en: "At night in New York"), kind: .seminar, duration: 60, optional: ["maya"]),
                Session(id: "evening", title: LocalizedText(en: "In the evening there"), kind: .seminar, duration: 60,
                        required: ["ren"], optional: ["maya"]),
            ])
    }()

    /// 15:00 JST is 02:00 in New York; 22:00 JST is 09:00 there and 13:00 in London.
    static let solution = Solution(instance: "osaka", assignments: [
        Assignment(session: "night", room: "hall", start: at("2027-10-31T15:00:00+09:00")),
        Assignment(session: "evening", room: "hall", start: at("2027-10-31T22:00:00+09:00")),
    ], unscheduled: [], version: 2)

    @Test func anOptionalPersonAtNightCostsAsAnAbsence() {
        let instance = Self.event.instance()
        let v = RuleBook.validate(instance, Self.solution)
        #expect(v.feasible)
        #expect(v.count("optionalUnavailable") == 1, "Maya at 02:00 counts; at 09:00 she does not")
        // Someone required somewhere keeps their hours as the hard rule H8 reads them, and no more.
        #expect(instance.people.first { $0.id == "ren" }?.unavailable == [])
        #expect(instance.people.first { $0.id == "maya" }?.unavailable.contains {
            $0.start <= Self.at("2027-10-31T02:00:00-04:00") && Self.at("2027-10-31T03:00:00-04:00") <= $0.end } == true)
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func validatePyGivesTheSameScore() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let instance = Self.event.instance()
        let url = dir.appendingPathComponent("osaka.json")
        try JSONFormat.encode(instance).write(to: url)
        try RuleBookAgreementTests.expectAgreement(instance, url, Self.solution, in: dir)
        #expect(try RuleBookAgreementTests.reference(url, Self.solution, in: dir).breakdown["optionalUnavailable"] == 1)
    }
}
