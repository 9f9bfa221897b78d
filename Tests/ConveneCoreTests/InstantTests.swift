import Testing
@testable import ConveneCore

struct InstantTests {
    @Test func parsesOffsetsAndWritesThemBack() throws {
        let a = try #require(Instant(iso8601: "2027-02-22T09:00:00+09:00"))
        #expect(a.secondsSinceEpoch == 1_803_254_400)
        #expect(a.iso8601 == "2027-02-22T09:00:00+09:00")
        let z = try #require(Instant(iso8601: "2027-02-22T00:00:00Z"))
        #expect(z == a)
        #expect(z.iso8601 == "2027-02-22T00:00:00Z")
        let neg = try #require(Instant(iso8601: "2024-02-03T09:05:00-05:30"))
        #expect(neg.iso8601 == "2024-02-03T09:05:00-05:30")
    }

    @Test(arguments: ["2027-02-22T09:00:00", "2027-02-30T09:00:00Z", "2027-02-22T25:00:00Z", "yesterday", "2027-02-22T09:00:00+0900"])
    func rejectsMalformed(_ text: String) {
        #expect(Instant(iso8601: text) == nil)
    }

    @Test func civilDaysRoundTrip() {
        for d in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: d).daysSinceEpoch == d)
        }
        #expect(LocalDate(year: 2027, month: 2, day: 22).isoWeekday == 1)
    }

    @Test func zoneRulesHandleGapsAndOverlaps() throws {
        let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
        // 02:30 does not exist on 2027-03-28 in Paris: read with the offset before the jump.
        let gap = paris.instant(try #require(LocalDateTime.parse("2027-03-28 02:30")))
        #expect(gap.iso8601 == "2027-03-28T03:30:00+02:00")
        // 02:30 happens twice on 2027-10-31: the earlier one is chosen.
        let overlap = paris.instant(try #require(LocalDateTime.parse("2027-10-31 02:30")))
        #expect(overlap.iso8601 == "2027-10-31T02:30:00+02:00")
        let tokyo = try #require(ZoneRules(identifier: "Asia/Tokyo"))
        #expect(tokyo.instant(try #require(LocalDateTime.parse("2027-02-22 09:00"))).iso8601 == "2027-02-22T09:00:00+09:00")
        #expect(ZoneRules(identifier: "Mars/Olympus") == nil)
        #expect(ZoneRules(identifier: "JST") == nil)
    }

    @Test func mergeJoinsTouchingIntervals() throws {
        func i(_ a: String, _ b: String) -> Interval {
            Interval(start: Instant(iso8601: a)!, end: Instant(iso8601: b)!)
        }
        let merged = Interval.merge([
            i("2027-01-01T10:00:00Z", "2027-01-01T11:00:00Z"),
            i("2027-01-01T09:00:00Z", "2027-01-01T10:00:00Z"),
            i("2027-01-01T12:00:00Z", "2027-01-01T12:00:00Z"),
            i("2027-01-01T13:00:00Z", "2027-01-01T14:00:00Z"),
        ])
        #expect(merged == [i("2027-01-01T09:00:00Z", "2027-01-01T11:00:00Z"), i("2027-01-01T13:00:00Z", "2027-01-01T14:00:00Z")])
    }
}
