import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct PersonUnavailableRuleTests {
    typealias S = Instance.Session

    @Test func flagsRequiredPeopleAwayAndReportsUnknownOnesAsProblems() {
        let inst = RuleFixtures.instance(
            sessions: [S(id: "a", duration: 60, required: ["p", "ghost"], optional: ["q"])],
            people: [Instance.Person(id: "p", unavailable: [RuleFixtures.span(59, 60)]),
                     Instance.Person(id: "q", unavailable: [RuleFixtures.span(0, 540)])],
            addPeople: false)
        let review = RuleFixtures.review(inst, [("a", "hall", 0)])
        #expect(RuleFixtures.lines(PersonUnavailableRule(), review) == ["H6 required person p is unavailable during session a"])
        #expect(review.problems == ["session a requires unknown person 'ghost'"])
        #expect(OptionalUnavailableTerm().count(in: review) == 1)
    }

    @Test func namesTheCalendarEntryThatBlocks() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p"])],
                                         people: [Instance.Person(id: "p", unavailable: [RuleFixtures.span(30, 90)])])
        let review = RuleFixtures.review(inst, [("a", "hall", 0)])
        let words = Wording(event: nil, busy: ["p": [BusyPeriod(interval: RuleFixtures.span(30, 90), summary: "Board", source: "/x/p.ics")]])
        let b = PersonUnavailableRule().breaches(in: review)[0]
        #expect(PersonUnavailableRule().reason(b, in: review, words) == "p is busy: 'Board' from p.ics, 2027-02-22 09:30–10:30, during a")
    }

    @Test func namesWhoIsNeverFreeOrThatTheyNeverMeet() {
        let inst = RuleFixtures.instance(sessions: [S(id: "a", duration: 60, required: ["p", "q"])],
                                         people: [Instance.Person(id: "p", unavailable: [RuleFixtures.span(0, 240)]),
                                                  Instance.Person(id: "q", unavailable: [RuleFixtures.span(240, 540)])])
        let facts = Facts(inst)
        let starts = facts.gridStarts(60)
        #expect(PersonUnavailableRule().refusal(facts.sessions[0], crew: facts.crew(facts.sessions[0]), starts: starts, in: facts)
            == "p, q are never all available at once for 60 minutes")
        #expect(PersonUnavailableRule().refusal(facts.sessions[0], crew: facts.crew(facts.sessions[0], participants: ["p"]), starts: [0, 60], in: facts)
            == "p is unavailable at every start it could have")
    }
}
