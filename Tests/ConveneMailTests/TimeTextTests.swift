import ConveneCore
@testable import ConveneMail
import Foundation
import Testing

/// Mail times around every clock change of 2026–2028 in six zones: read back as a person would
/// (the local date and time, with the offset when one is named), each gives the session's instants.
@Suite struct TimeTextTests {
    static let zones = ["Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago",
                        "Australia/Lord_Howe", "Pacific/Chatham"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// The instants 2026–2028 at which the zone's offset changes, found to the minute.
    static func transitions(_ zone: ZoneRules) -> [Instant] {
        var out: [Instant] = []
        var t = Instant(iso8601: "2026-01-01T00:00:00Z")!.secondsSinceEpoch
        let end = Instant(iso8601: "2029-01-01T00:00:00Z")!.secondsSinceEpoch
        while t < end {
            let before = zone.offset(at: Instant(secondsSinceEpoch: t))
            if before != zone.offset(at: Instant(secondsSinceEpoch: t + 3_600)) {
                var m = t
                while zone.offset(at: Instant(secondsSinceEpoch: m + 60)) == before { m += 60 }
                out.append(Instant(secondsSinceEpoch: m + 60))
            }
            t += 3_600
        }
        return out
    }

    /// The two instants an English span names: each time on the date before it, at the offset
    /// named after it, else as the zone's clock reads it.
    static func instants(_ text: String, zone: ZoneRules) throws -> [Instant] {
        let date = try Regex(#"(\d{1,2}) ([A-Z][a-z]+) (\d{4})"#)
        let time = try Regex(#"(\d\d):(\d\d)(?: UTC([+-])(\d\d):(\d\d))?"#)
        var out: [Instant] = []
        var day: LocalDate?
        var rest = Substring(text)
        while let t = rest.firstMatch(of: time) {
            let before = rest[..<t.range.lowerBound]
            if let d = before.matches(of: date).last {
                day = LocalDate(year: Int(d.output[3].substring!)!, month: months.firstIndex(of: String(d.output[2].substring!))! + 1,
                                day: Int(d.output[1].substring!)!)
            }
            let local = LocalDateTime(date: day!, minuteOfDay: Int(t.output[1].substring!)! * 60 + Int(t.output[2].substring!)!)
            if let sign = t.output[3].substring {
                let offset = (Int(t.output[4].substring!)! * 3_600 + Int(t.output[5].substring!)! * 60) * (sign == "-" ? -1 : 1)
                out.append(Instant(secondsSinceEpoch: local.secondsSinceEpoch(utcOffset: offset)))
            } else {
                out.append(zone.instant(local))
            }
            rest = rest[t.range.upperBound...]
        }
        return out
    }

    @Test(arguments: zones)
    func mailTimesGiveTheInstantsAcrossClockChanges(zone name: String) throws {
        let zone = ZoneRules(identifier: name)!
        let changes = Self.transitions(zone)
        #expect(changes.count == 6)
        for t in changes {
            let change = abs(zone.offset(at: t) - zone.offset(at: t.adding(minutes: -1))) / 60
            for (from, minutes) in [(-change, change), (-60, 60), (-30, 60), (0, 60), (-change / 2, 60), (-120, 180), (-600, 60)] {
                let interval = Interval(start: t.adding(minutes: from), end: t.adding(minutes: from + minutes))
                let text = TimeText.span(interval, zone: zone, language: .en)
                #expect(try Self.instants(text, zone: zone) == [interval.start, interval.end], "\(text)")
                #expect(TimeText.span(interval, zone: zone, language: .ja).hasSuffix("（\(name)）"))
            }
        }
    }

    @Test func theOsakaSessionInLondonNamesBothOffsets() {
        let interval = Interval(start: Instant(iso8601: "2027-10-31T09:00:00+09:00")!, end: Instant(iso8601: "2027-10-31T10:00:00+09:00")!)
        let london = ZoneRules(identifier: "Europe/London")!
        #expect(TimeText.span(interval, zone: london, language: .en)
            == "Sunday 31 October 2027, 01:00 UTC+01:00 – 01:00 UTC+00:00 (Europe/London)")
        #expect(TimeText.span(interval, zone: london, language: .ja)
            == "2027年10月31日（日）1:00 UTC+01:00〜1:00 UTC+00:00（Europe/London）")
        // A day with no change reads as before.
        let tokyo = ZoneRules(identifier: "Asia/Tokyo")!
        #expect(TimeText.span(interval, zone: tokyo, language: .en) == "Sunday 31 October 2027, 09:00–10:00 (Asia/Tokyo)")
    }
}
