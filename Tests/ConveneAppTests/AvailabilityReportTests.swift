import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct AvailabilityReportTests {
    /// Claire marks 09:30–10:00 unavailable and 10:00–10:30 "if need be": the report says she answered
    /// and when, lists her times with the event's offset, and the 09:30 slot has one required person fewer.
    @Test func countsWhoAnsweredAndWhoCanComeInEachSlot() throws {
        let (store, _) = try Forum.store()
        let pipeline = ChangePipeline(store: store)
        try pipeline.recordAvailability(RecordAvailability(
            person: "c-dubois", anyTime: false,
            marks: [AvailabilityGrid.id(Forum.at("2027-02-22 09:30")): .unavailable,
                    AvailabilityGrid.id(Forum.at("2027-02-22 10:00")): .ifNeedBe],
            note: "Mornings\nare hard", answeredAt: Forum.stamp), at: Forum.stamp)
        let current = try pipeline.current()
        let report = AvailabilityReport(current)
        let claire = try #require(report.people.first { $0.id == "c-dubois" })
        #expect(claire.answered && claire.answeredAt?.iso8601 == "2027-01-10T18:00:00+09:00" && !claire.anyTime)
        #expect(claire.unavailable.map { "\($0.start.iso8601) \($0.end.iso8601)" } == ["2027-02-22T09:30:00+09:00 2027-02-22T10:00:00+09:00"])
        #expect(claire.ifNeedBe.map(\.start.iso8601) == ["2027-02-22T10:00:00+09:00"])
        #expect(report.people.filter { !$0.answered }.map(\.id) == ["p-sato", "i-kim", "g-tanaka"])
        #expect(report.requiredPeople == 4)
        let slots = try #require(report.days.first).slots
        #expect(slots.count == 18)
        #expect(Array(slots.map(\.available).prefix(3)) == [4, 3, 4] && slots[2].ifNeedBe == 1)

        let lines = report.lines(current.text)
        #expect(lines.contains("not answered: p-sato, i-kim, g-tanaka"))
        #expect(lines.contains("  if need be: 2027-02-22 10:00–10:30"))
        #expect(lines.contains("  note: Mornings / are hard"))
        #expect(lines.contains("  09:30 ###. 3") && lines.contains("  10:00 ###+ 4 (1 if need be)"))

        let json = try JSONSerialization.jsonObject(with: JSONFormat.encode(report)) as? [String: Any]
        let first = try #require((json?["people"] as? [[String: Any]])?.first { $0["id"] as? String == "c-dubois" })
        #expect(first["answered"] as? Bool == true)
        #expect((first["unavailable"] as? [[String]]) == [["2027-02-22T09:30:00+09:00", "2027-02-22T10:00:00+09:00"]])
        #expect((first["ifNeedBe"] as? [[String]]) == [["2027-02-22T10:00:00+09:00", "2027-02-22T10:30:00+09:00"]])
    }
}
