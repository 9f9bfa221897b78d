import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct OpeningHoursRuleTests {
    typealias S = Instance.Session

    @Test func flagsSessionsOutsideADayAndOffTheGrid() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60), S(id: "b", duration: 60), S(id: "c", duration: 60)])
        let review = RuleFixtures.review(inst, [("a", "hall", 0), ("b", "hall", 500), ("c", "hall", 100)])
        #expect(RuleFixtures.lines(OpeningHoursRule(), review) ==
            ["H1 session b is not inside one day window", "H1 session c starts off the 15-minute grid"])
        // Off the grid is its own kind: the session is inside its day and needs only a nudge.
        #expect(OpeningHoursRule().breaches(in: review).map(\.kind) == [.outsideDays, .offGrid])
        let words = Wording(event: nil)
        let reasons = OpeningHoursRule().breaches(in: review).map { OpeningHoursRule().reason($0, in: review, words) }
        #expect(reasons == ["b at 2027-02-22 17:20–18:20 is outside the event's opening hours",
                            "c at 2027-02-22 10:40–11:40 starts off the 15-minute grid of its day, which opens at 09:00"])
    }

    @Test func admitsExactlyWhatItDoesNotFlag() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60)], days: 2)
        let facts = Facts(inst)
        for start in stride(from: -30, through: 1500 + 540, by: 5) {
            let review = Review(facts, placements: [(0, 0, start, [])])
            #expect(OpeningHoursRule().admits(facts.sessions[0], crew: facts.crew(facts.sessions[0]), start: start, end: start + 60, in: facts)
                == OpeningHoursRule().breaches(in: review).isEmpty, "\(start)")
        }
    }
}
