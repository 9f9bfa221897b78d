import ConveneTestFixtures
import Testing
@testable import ConveneCore

struct SeriesRuleTests {
    typealias S = Instance.Session

    /// Evenings 18:00–21:00 in Tokyo over three weeks.
    static func series() -> Instance {
        let days = (0..<21).map { d in
            Interval(start: Instant(iso8601: "2027-05-10T18:00:00+09:00")!.adding(minutes: d * 1440),
                     end: Instant(iso8601: "2027-05-10T21:00:00+09:00")!.adding(minutes: d * 1440))
        }
        return Instance(name: "test", timeZone: "Asia/Tokyo", days: days, rooms: [Instance.Room(id: "room", capacity: 9)],
                        people: [], sessions: ["s1", "s2", "s3", "s4"].map { S(id: $0, duration: 60) },
                        series: [.init(id: "weekly", sessions: ["s1", "s2", "s3", "s4"], minDaysApart: 6, maxDaysApart: 8)])
    }

    static func at(_ day: Int, _ time: String) -> Instant {
        Instant(iso8601: "2027-05-\(10 + day)T\(time):00+09:00")!
    }

    @Test func consecutiveScheduledSessionsKeepTheCadenceInOrder() {
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "s1", room: "room", start: Self.at(0, "18:30")),
            Assignment(session: "s2", room: "room", start: Self.at(7, "18:30")),
            // s3 is left out, so s4 follows s2: nine days is too long.
            Assignment(session: "s4", room: "room", start: Self.at(16, "19:00")),
        ], unscheduled: [.init(session: "s3", reason: "")])
        let review = Review(Facts(Self.series()), solution)
        #expect(RuleFixtures.lines(SeriesRule(), review) == ["H12 series weekly: s4 starts 9 days after s2 (allowed 6..8, in order)"])
        #expect(SeriesTimeTerm().count(in: review) == 1)
    }

    @Test func outOfOrderAndTooCloseAreBroken() {
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "s1", room: "room", start: Self.at(7, "18:30")),
            Assignment(session: "s2", room: "room", start: Self.at(0, "18:30")),
            Assignment(session: "s3", room: "room", start: Self.at(1, "18:30")),
        ], unscheduled: [.init(session: "s4", reason: "")])
        let review = Review(Facts(Self.series()), solution)
        #expect(RuleFixtures.lines(SeriesRule(), review) == [
            // The validator's words, as validate.py prints them.
            "H12 series weekly: s2 starts -7 days after s1 (allowed 6..8, in order)",
            "H12 series weekly: s3 starts 1 days after s2 (allowed 6..8, in order)",
        ])
        // For people, a session placed before its predecessor comes so many days before, never "-7 days after".
        let reasons = SeriesRule().breaches(in: review).map { SeriesRule().reason($0, in: review, Wording(event: nil)) }
        #expect(reasons == [
            "s2 comes 7 days before s1 in series weekly, which keeps 6 to 8 days between sessions, in order",
            "s3 comes 1 day after s2 in series weekly, which keeps 6 to 8 days between sessions, in order",
        ])
    }
}
