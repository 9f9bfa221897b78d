import ConveneCore
@testable import ConveneICal
import Foundation
import Testing

/// A person's own feed around every clock change of 2026–2028 in six zones (whole hours, half an
/// hour at Lord Howe, :45 offsets at Chatham, southern-hemisphere changes in Sydney and Santiago):
/// read back with libical, each event keeps its instants, even the 09:00–10:00 JST session that is
/// 01:00 BST – 01:00 GMT in London.
struct ClockChangeFeedTests {
    static let zones = ["Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago",
                        "Australia/Lord_Howe", "Pacific/Chatham"]

    /// The instants 2026–2028 at which the zone's offset changes, found to the minute.
    static func transitions(_ zone: ZoneRules) -> [Instant] {
        var out: [Instant] = []
        var t = Instant(iso8601: "2026-01-01T00:00:00Z")!.secondsSinceEpoch
        let end = Instant(iso8601: "2029-01-01T00:00:00Z")!.secondsSinceEpoch
        while t < end {
            let next = t + 3_600
            if zone.offset(at: Instant(secondsSinceEpoch: t)) != zone.offset(at: Instant(secondsSinceEpoch: next)) {
                var m = t
                while zone.offset(at: Instant(secondsSinceEpoch: m + 60)) == zone.offset(at: Instant(secondsSinceEpoch: t)) { m += 60 }
                out.append(Instant(secondsSinceEpoch: m + 60))
            }
            t = next
        }
        return out
    }

    /// Sessions around each change: one as long as the change (its two local times are the same
    /// when clocks go back), and hours that start or end inside the repeated or skipped time.
    static func publication(zone name: String) -> (Publication, [String: Interval]) {
        let zone = ZoneRules(identifier: name)!
        var sessions: [Session] = [], assignments: [Assignment] = [], expected: [String: Interval] = [:]
        for (i, t) in transitions(zone).enumerated() {
            let change = abs(zone.offset(at: t) - zone.offset(at: t.adding(minutes: -1))) / 60
            for (j, (from, minutes)) in [(-change, change), (-60, 60), (-30, 60), (0, 60), (-change / 2, 60), (-120, 180)].enumerated() {
                let id = "s\(i)-\(j)", start = t.adding(minutes: from)
                sessions.append(Session(id: id, title: LocalizedText(en: "Session \(id)"), kind: .seminar, duration: minutes, required: ["p"]))
                assignments.append(Assignment(session: id, room: "hall", start: start))
                expected[id] = Interval(start: start, end: start.adding(minutes: minutes))
            }
        }
        let person = Stakeholder(id: "p", name: "Pat Doe", email: "pat@example.org", group: .clinician, timeZone: name, language: .en)
        let event = Event(
            id: "clocks", name: LocalizedText(en: "Clocks"), kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
            days: [], organizer: Organizer(name: "Office", email: "office@example.org"),
            rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"), capacity: 50)],
            stakeholders: [person], sessions: sessions)
        let history = [ScheduleVersion(number: 1, createdAt: Instant(iso8601: "2025-12-01T00:00:00Z")!, command: "schedule",
                                       assignments: assignments)]
        return (Publication(event: event, removed: [], history: history), expected)
    }

    @Test(arguments: zones)
    func aPersonsFeedKeepsEveryInstantAcrossClockChanges(zone: String) throws {
        let (publication, expected) = Self.publication(zone: zone)
        #expect(expected.count == 6 * 6, "\(zone) changes its clocks twice a year")
        let feed = FeedCatalog.feeds(of: publication).first { $0.kind == .person("p") }!
        let text = try FeedWriter.render(feed, of: publication)
        let window = Interval(start: Instant(iso8601: "2025-12-01T00:00:00Z")!, end: Instant(iso8601: "2029-02-01T00:00:00Z")!)
        let read = try CalendarReader.read(text: text, source: "feed", window: window, floatingZone: "UTC")
        #expect(Set(read.periods.map(\.interval)) == Set(expected.values), "\(zone): \(read.periods.count) events read back")
        // Times the clock shows once stay local; only an ambiguous one is written in UTC.
        #expect(text.contains("DTSTART;TZID=\(zone):"))
    }

    @Test func theOsakaSessionInLondonIsAnHourNotZeroMinutes() throws {
        let (publication, _) = Self.publication(zone: "Europe/London")
        let text = try FeedWriter.render(FeedCatalog.feeds(of: publication).first { $0.kind == .person("p") }!, of: publication)
        // 2027-10-31 09:00–10:00 JST = 00:00–01:00 UTC, shown as 01:00 BST – 01:00 GMT in London.
        #expect(text.contains("DTSTART:20271031T000000Z\r\nDTEND:20271031T010000Z\r\n"))
        #expect(!text.contains("DTSTART;TZID=Europe/London:20271031T010000\r\nDTEND;TZID=Europe/London:20271031T010000"))
    }
}
