import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PersonHoursRuleTests {
    typealias S = Instance.Session

    /// New York's acceptable hours 07:00–22:00 seen from Tokyo: in February (UTC−5) they are
    /// 21:00–12:00 the next day in Tokyo, so a 09:00 session there is 19:00 in New York.
    @Test func judgesHoursOnThePersonsOwnClock() {
        let ny = Instance.Hours(zone: "America/New_York", acceptable: .init(start: 420, end: 1320), preferred: .init(start: 540, end: 1080))
        let inst = RuleFixtures.instance(
            sessions: [S(id: "early", duration: 60, required: ["p"]), S(id: "late", duration: 60, required: ["p"])],
            people: [Instance.Person(id: "p", hours: ny)])
        // 09:00–10:00 Tokyo is 19:00–20:00 New York; 12:00–13:00 Tokyo is 22:00–23:00.
        let review = RuleFixtures.review(inst, [("early", "hall", 0), ("late", "hall", 180)])
        #expect(RuleFixtures.lines(PersonHoursRule(), review) == ["H8 session late is outside the acceptable hours of p"])
        #expect(OutsideHoursTerm().count(in: review) == 2)
        let b = PersonHoursRule().breaches(in: review)[0]
        #expect(PersonHoursRule().reason(b, in: review, Wording(event: nil))
            == "p's acceptable hours are 07:00–22:00 in America/New_York, but late runs 22:00–23:00 there")
    }

    @Test func aDaylightSavingJumpMovesTheRange() {
        // New York springs forward on 2027-03-14: 07:00 New York is 21:00 Tokyo before, 20:00 after.
        let ny = Instance.Hours(zone: "America/New_York", acceptable: .init(start: 420, end: 1320))
        let day = Instance(name: "t", slotMinutes: 15,
                           days: [Interval(start: Instant(iso8601: "2027-03-13T18:00:00+09:00")!, end: Instant(iso8601: "2027-03-16T00:00:00+09:00")!)],
                           rooms: [Instance.Room(id: "hall", capacity: 9)], people: [Instance.Person(id: "p", hours: ny)],
                           sessions: [S(id: "a", duration: 60, required: ["p"])])
        let facts = Facts(day)
        func ok(_ iso: String) -> Bool {
            let m = facts.minutes(Instant(iso8601: iso)!)
            return PersonHoursRule().admits(facts.sessions[0], crew: facts.crew(facts.sessions[0]), start: m, end: m + 60, in: facts)
        }
        #expect(!ok("2027-03-13T20:00:00+09:00"))
        #expect(ok("2027-03-13T21:00:00+09:00"))
        #expect(ok("2027-03-15T20:00:00+09:00"))
    }
}
