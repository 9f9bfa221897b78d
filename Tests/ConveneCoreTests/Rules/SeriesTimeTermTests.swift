import Testing
@testable import ConveneCore

struct SeriesTimeTermTests {
    typealias S = Instance.Session

    /// Weekday evenings in Paris across the change to summer time on 2027-03-28.
    static func paris() -> Instance {
        let days = (0..<21).map { d in
            Interval(start: Instant(iso8601: "2027-03-15T17:00:00Z")!.adding(minutes: d * 1440),
                     end: Instant(iso8601: "2027-03-15T21:00:00Z")!.adding(minutes: d * 1440))
        }
        return Instance(name: "test", timeZone: "Europe/Paris", days: days, rooms: [Instance.Room(id: "room", capacity: 9)],
                        people: [], sessions: ["s1", "s2", "s3"].map { S(id: $0, duration: 60) },
                        series: [.init(id: "weekly", sessions: ["s1", "s2", "s3"], minDaysApart: 6, maxDaysApart: 8)])
    }

    /// The first scheduled session sets the time of day on the event's clock: 19:00 in Paris stays
    /// 19:00 after the clocks change although it is an hour earlier in UTC.
    @Test func countsSessionsStartingAtAnotherLocalTimeThanTheFirst() {
        let same = Solution(instance: "test", assignments: [
            Assignment(session: "s1", room: "room", start: Instant(iso8601: "2027-03-22T19:00:00+01:00")!),
            Assignment(session: "s2", room: "room", start: Instant(iso8601: "2027-03-29T19:00:00+02:00")!),
        ], unscheduled: [.init(session: "s3", reason: "")])
        #expect(SeriesTimeTerm().count(in: Review(Facts(Self.paris()), same)) == 0)
        let drifting = Solution(instance: "test", assignments: [
            Assignment(session: "s1", room: "room", start: Instant(iso8601: "2027-03-22T19:00:00+01:00")!),
            Assignment(session: "s2", room: "room", start: Instant(iso8601: "2027-03-29T19:00:00+01:00")!),
            Assignment(session: "s3", room: "room", start: Instant(iso8601: "2027-04-05T19:30:00+02:00")!),
        ], unscheduled: [])
        #expect(SeriesTimeTerm().count(in: Review(Facts(Self.paris()), drifting)) == 2)
    }

    /// With the first session left out, the first one scheduled sets the time.
    @Test func theFirstScheduledSessionSetsTheTime() {
        let solution = Solution(instance: "test", assignments: [
            Assignment(session: "s2", room: "room", start: Instant(iso8601: "2027-03-22T19:30:00+01:00")!),
            Assignment(session: "s3", room: "room", start: Instant(iso8601: "2027-03-29T19:30:00+02:00")!),
        ], unscheduled: [.init(session: "s1", reason: "")])
        #expect(SeriesTimeTerm().count(in: Review(Facts(Self.paris()), solution)) == 0)
    }
}
