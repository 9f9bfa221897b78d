import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// Picks from candidates, people kept apart and composition maximums: read, and proven by `check`.
struct PlanPicksTests {
    @Test func picksApartAndLimitsAreRead() throws {
        let e = try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event
        let meeting = try #require(e.session("s-meeting"))
        #expect(meeting.pick == [Instance.Pick(from: ["g-1", "g-2"], count: 1), Instance.Pick(from: ["i-2", "i-3"], count: 1)])
        #expect(meeting.composition == [CompositionRule(groups: [.patient, .industry, .government])])
        #expect(meeting.limits == [CompositionLimit(group: .industry, atMost: 2)])
        #expect(e.apart == [["i-1", "i-2"]])
        #expect(e.session("s-keynote")?.pick == nil)
    }

    @Test func aPickGroupOfOneStakeholderGroupMeetsAMinimum() throws {
        // The government voice comes only from the pick group; industry from a required person.
        let mixed = symposiumPlan.replacingOccurrences(of: "{from: [g-1, g-2]}", with: "{from: [g-1, p-ny]}")
        let found = try #require(diagnostics(mixed).first { $0.message.contains("none is from government") })
        #expect(found.message.hasSuffix("(a pick group counts for a group when every choice it can make includes someone from it)"))
        // Picking both of a mixed pair is sure to bring each group.
        let both = symposiumPlan.replacingOccurrences(of: "{from: [g-1, g-2]}", with: "{from: [g-1, p-ny], count: 2}")
        #expect(diagnostics(both).filter { $0.severity == .error }.isEmpty)
    }

    @Test func pickingAroundAConflictOfInterest() {
        let apart: [Set<String>] = [["i-1", "i-2"], ["g-1", "i-3"]]
        let groups = [Instance.Pick(from: ["g-1", "g-2"]), Instance.Pick(from: ["i-2", "i-3"])]
        // i-1 rules out i-2, so i-3 it is, and then g-2.
        #expect(PlanReader.canPick(groups, required: ["i-1"], apart: apart))
        #expect(!PlanReader.canPick(groups, required: ["i-1"], apart: [["i-1", "i-2"], ["g-1", "g-2", "i-3"]]))
        #expect(!PlanReader.canPick([Instance.Pick(from: ["i-1", "i-2"], count: 2)], required: [], apart: apart))
        #expect(PlanReader.canPick([Instance.Pick(from: ["i-1", "i-2", "i-3"], count: 2)], required: [], apart: apart))
    }

    static let cases: [(String, String, String, String, String)] = [
        ("fewer candidates than count", "{from: [i-2, i-3], count: 1}", "{from: [i-2, i-3], count: 3}", "3}",
         "session 's-meeting' picks 3 from 2 candidates in 'sessions[2].pick[1]'; list more candidates or pick fewer"),
        ("unknown candidate", "{from: [g-1, g-2]}", "{from: [g-1, g-7]}", "g-7", "names unknown person 'g-7' as a candidate"),
        ("candidate also required", "{from: [g-1, g-2]}", "{from: [g-1, p-a]}", "p-a]}", "names 'p-a' twice"),
        ("candidate in two groups", "{from: [i-2, i-3], count: 1}", "{from: [i-2, g-1], count: 1}", "g-1], count", "names 'g-1' twice"),
        ("no candidate", "{from: [g-1, g-2]}", "{from: []}", "[]}", "lists no candidate"),
        ("required people kept apart", "  - [i-1, i-2]\n", "  - [i-1, p-a]\n", "[p-a, i-1]",
         "session 's-meeting' requires i-1 and p-a, who are kept apart"),
        ("no pick avoids a conflict", "  - [i-1, i-2]\n", "  - [i-1, i-2, i-3]\n", "- {from: [g-1",
         "cannot pick from its groups without seating two people who are kept apart"),
        ("unknown person kept apart", "  - [i-1, i-2]\n", "  - [i-1, i-9]\n", "i-9", "'apart' names unknown person 'i-9'"),
        ("apart of one", "  - [i-1, i-2]\n", "  - [i-1, i-1]\n", "[i-1, i-1]", "must name at least two different people"),
        ("more than at most", "{group: industry, atMost: 2}", "{group: industry, atMost: 1}", "{group: industry",
         "session 's-meeting' may seat 2 people from industry (1 required, up to 1 picked), more than its 'atMost: 1'"),
        ("required alone exceed", "{group: industry, atMost: 2}", "{group: industry, atMost: 0}", "{group: industry",
         "may seat 2 people from industry"),
        ("limit with groups", "{group: industry, atMost: 2}", "{group: industry, atMost: 2, groups: [patient]}", "[patient]}",
         "goes in an entry of its own"),
        ("limit without number", "{group: industry, atMost: 2}", "{group: industry}", "{group: industry", "'sessions[2].composition[1].atMost' is missing"),
        ("unknown group", "{group: industry, atMost: 2}", "{group: industri, atMost: 2}", "industri", "expected one of patient"),
    ]

    @Test(arguments: 0..<cases.count)
    func problemIsLocated(_ index: Int) throws {
        try expectLocated(Self.cases[index], in: symposiumPlan)
    }
}
