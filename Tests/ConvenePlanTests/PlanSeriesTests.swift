import ConveneCore
import Foundation
import Testing
@testable import ConvenePlan

/// A series expands into its days and sessions, keeps a cadence, and `check` says when it cannot hold.
struct PlanSeriesTests {
    @Test func seriesExpandsIntoDaysAndSessions() throws {
        let e = try Plan.parse(yaml: symposiumPlan, file: "plan.yaml").event
        // Tuesdays and Wednesdays from 16 March to 6 April, except Wednesday 24 March.
        let evenings = ["2027-03-16", "2027-03-17", "2027-03-23", "2027-03-30", "2027-03-31", "2027-04-06"]
        #expect(e.days.map(\.date.iso8601) == ["2027-03-12", "2027-03-15"] + evenings)
        #expect(e.days[2].opens.iso8601 == "2027-03-16T18:30:00+09:00")
        #expect(e.days[2].closes.iso8601 == "2027-03-16T20:30:00+09:00")
        let series = try #require(e.series?.first)
        #expect(series == SessionSeries(id: "evenings", title: LocalizedText(en: "Evening Seminars"),
                                        sessions: ["sem-1", "sem-2", "sem-3"], minDaysApart: 5, maxDaysApart: 9))
        let sem3 = try #require(e.session("sem-3"))
        #expect(sem3.duration == 90)
        #expect(sem3.audience == 20)
        #expect(sem3.windows.map(\.start.iso8601) == evenings.map { "\($0)T18:30:00+09:00" })
        #expect(e.session("sem-1")?.required == ["g-1"])
        #expect(e.sessions.map(\.id) == ["s-plenary", "s-keynote", "s-meeting", "sem-1", "sem-2", "sem-3"])
    }

    @Test func cadenceAndLeewayGiveDaysApart() throws {
        func series(_ every: String, leeway: String = "") throws -> SessionSeries? {
            let yaml = symposiumPlan.replacingOccurrences(of: "every: week\n", with: "every: \(every)\n\(leeway)")
                .replacingOccurrences(of: "to: \"2027-04-06\"", with: "to: \"2027-06-30\"")
                .replacingOccurrences(of: "on: [tue, wed]", with: "on: [mon, tue, wed, thu, fri, sat, sun]")
            return try Plan.parse(yaml: yaml, file: "plan.yaml").event.series?.first
        }
        #expect(try series("day").map { [$0.minDaysApart, $0.maxDaysApart] } == [1, 1])
        #expect(try series("2 weeks").map { [$0.minDaysApart, $0.maxDaysApart] } == [12, 16])
        #expect(try series("week", leeway: "    leeway: 0\n").map { [$0.minDaysApart, $0.maxDaysApart] } == [7, 7])
        #expect(try series("3 days", leeway: "    leeway: 5\n").map { [$0.minDaysApart, $0.maxDaysApart] } == [1, 8])
        // A skipped meeting widens the gap allowed between two held ones: a missed week at 5–9 days is 5–16.
        #expect(try series("week", leeway: "    skip: 1\n").map { [$0.minDaysApart, $0.maxDaysApart] } == [5, 16])
        #expect(try series("week", leeway: "    leeway: 0\n    skip: 2\n").map { [$0.minDaysApart, $0.maxDaysApart] } == [7, 21])
    }

    @Test func weeklySeriesOnWeekdaysNeverMeetsTwiceInAWeek() {
        // Weekdays of six weeks from Monday 12 April 2027, at 5–9 days apart: one a week at most.
        let monday = LocalDate(year: 2027, month: 4, day: 12).daysSinceEpoch
        let dates = (0..<42).map { monday + $0 }.filter { LocalDate(daysSinceEpoch: $0).isoWeekday <= 5 }
        #expect(longestChain(dates, 5, 9) == 6)
        #expect(longestChain(dates, 1, 1) == 5)
        #expect(longestChain([0, 5, 7, 14], 5, 7) == 3)
        #expect(longestChain([], 5, 9) == 0)
    }

    static let cases: [(String, String, String, String, String)] = [
        ("longer than its dates", "      - {id: sem-3, title: {en: Seminar 3}, duration: 90}\n",
         "      - {id: sem-3, title: {en: Seminar 3}, duration: 90}\n      - {id: sem-4, title: {en: Four}}\n      - {id: sem-5, title: {en: Five}}\n",
         "- {id: sem-1", "series 'evenings' has 5 sessions, but its dates from 2027-03-16 to 2027-04-06 hold at most 4 5–9 days apart"),
        ("bad cadence", "every: week", "every: fortnightly", "fortnightly", "write the cadence as day, week, N days or N weeks"),
        ("bad weekday", "on: [tue, wed]", "on: [tue, mittwoch]", "mittwoch", "name weekdays as mon, tue"),
        ("windows in a series", "{id: sem-2, title: {en: Seminar 2}}",
         "{id: sem-2, title: {en: Seminar 2}, windows: [{from: \"2027-03-16 18:30\", to: \"2027-03-16 20:30\"}]}",
         "windows:", "leave out 'series[0].sessions[1].windows'"),
        ("outside a day's hours", "from: \"2027-03-16\"\n    to: \"2027-04-06\"\n    on: [tue, wed]",
         "from: \"2027-03-15\"\n    to: \"2027-04-06\"\n    on: [mon, tue, wed]", "\"18:30\"", "meets on 2027-03-15 from 18:30 to 20:30, outside the hours that day already has (09:00–18:00"),
        ("ends before it starts", "to: \"2027-04-06\"", "to: \"2027-03-01\"", "\"2027-03-01\"", "ends (2027-03-01) before it starts (2027-03-16)"),
        ("no date", "to: \"2027-04-06\"\n    on: [tue, wed]", "to: \"2027-03-20\"\n    on: [sun]", "\"2027-03-16\"",
         "meets on no date from 2027-03-16 to 2027-03-20"),
        ("closes first", "closes: \"20:30\"", "closes: \"18:00\"", "\"18:00\"\n", "closes before it opens"),
        ("duplicate id", "sessions:\n      - {id: sem-1,", "sessions:\n      - {id: s-keynote,", "s-keynote,", "duplicate session id 's-keynote'"),
        ("unknown person", "required: [g-1]", "required: [g-9]", "g-9", "unknown person 'g-9'"),
        ("too long for its evenings", "duration: 90}", "duration: 150}", "\"18:30\"",
         "session 'sem-3' can never be scheduled: needs 150 minutes"),
        ("except outside the dates", "except: [\"2027-03-24\"]", "except: [\"2027-03-24\", \"2027-05-05\"]", "\"2027-05-05\"",
         "does not meet on 2027-05-05 anyway"),
        ("missing field", "    opens: \"18:30\"\n", "", "id: evenings", "'series[0].opens' is missing"),
        ("a mistyped year", "to: \"2027-04-06\"", "to: \"2207-04-06\"", "\"2207-04-06\"", "a series spans at most 731 days"),
        ("negative leeway", "every: week\n", "every: week\n    leeway: -1\n", "leeway: |-1", "must be at least 0"),
        ("negative skip", "every: week\n", "every: week\n    skip: -1\n", "skip: |-1", "must be at least 0"),
        ("a skip too long", "every: week\n", "every: week\n    skip: 100000\n", "skip: |100000", "skips at most 731 meetings in a row"),
    ]

    @Test(arguments: 0..<cases.count)
    func problemIsLocated(_ index: Int) throws {
        try expectLocated(Self.cases[index], in: symposiumPlan)
    }
}
