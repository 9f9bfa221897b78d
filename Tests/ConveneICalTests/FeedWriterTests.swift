import ConveneCore
@testable import ConveneICal
import Foundation
import Testing

struct FeedWriterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let publication = ForumFixture.publication
    static let feeds = FeedCatalog.feeds(of: publication)

    static func feed(_ kind: Feed.Kind) -> Feed { feeds.first { $0.kind == kind }! }
    static func render(_ kind: Feed.Kind) throws -> String { try FeedWriter.render(feed(kind), of: publication) }

    static let goldenFeeds: [(String, Feed.Kind)] = [
        ("event", .event), ("room-hall", .room("hall")), ("track-access", .track("access")),
        ("group-patient", .group(.patient)), ("person-i-lee", .person("i-lee")),
    ]

    /// Regenerate on purpose with `CONVENE_REGENERATE_GOLDEN=1 swift test --filter FeedWriterTests`.
    @Test(arguments: goldenFeeds.map(\.0))
    func matchesGoldenFile(name: String) throws {
        let kind = Self.goldenFeeds.first { $0.0 == name }!.1
        let text = try Self.render(kind)
        let url = Self.golden.appendingPathComponent("\(name).ics")
        if ProcessInfo.processInfo.environment["CONVENE_REGENERATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try Data(contentsOf: url)
        #expect(Data(text.utf8) == expected, "\(name).ics differs from its golden file")
    }

    /// The snapshot `convene export --snapshot` reads, for the fixture forum (also a sample for scripts).
    @Test func snapshotMatchesGoldenFile() throws {
        let snapshot = Publication.Snapshot(event: ForumFixture.event, removed: ForumFixture.removed, history: ForumFixture.history)
        let data = try JSONFormat.encode(snapshot)
        let url = Self.golden.appendingPathComponent("snapshot.json")
        if ProcessInfo.processInfo.environment["CONVENE_REGENERATE_GOLDEN"] == "1" { try data.write(to: url) }
        // JSON key order is not stable across runs, so compare what the file says.
        let golden = try JSONFormat.decode(Publication.Snapshot.self, from: try Data(contentsOf: url), file: url.path)
        #expect(golden == snapshot)
    }

    @Test func linesAreCRLFFoldedAt75OctetsNeverInsideACharacter() throws {
        for feed in Self.feeds {
            let bytes = Array(try FeedWriter.render(feed, of: Self.publication).utf8)
            #expect(bytes.suffix(2) == [13, 10])
            var line: [UInt8] = []
            for (i, b) in bytes.enumerated() {
                if b == 10 {
                    #expect(i > 0 && bytes[i - 1] == 13, "bare LF in \(feed.path)")
                    #expect(line.count - 1 <= 75, "line over 75 octets in \(feed.path)")
                    #expect(String(validating: line.dropLast(), as: UTF8.self) != nil, "fold splits a UTF-8 character in \(feed.path)")
                    line = []
                } else {
                    line.append(b)
                }
            }
        }
        // The Japanese title is long enough to be folded.
        #expect(try Self.render(.event).contains("\r\n "))
    }

    @Test func textAndXPropertiesAreEscaped() throws {
        var event = ForumFixture.event
        event.name = LocalizedText(en: "Forum; rare, cancers \\ 2027")
        let publication = Publication(event: event, removed: ForumFixture.removed, history: ForumFixture.history)
        let text = unfolded(try FeedWriter.render(FeedCatalog.feeds(of: publication)[0], of: publication))
        #expect(text.contains("\r\nX-WR-CALNAME:Forum\\; rare\\, cancers \\\\ 2027\r\n"))
        #expect(text.contains("\r\nNAME:Forum\\; rare\\, cancers \\\\ 2027\r\n"))
        #expect(text.contains("Multi-stakeholder dialogue\\; drug lag\\, drug loss\\, and access \\\\ rare cancers"))
        #expect(text.contains("議論の要点:\\n1. 承認\\n2. 価格"))
    }

    @Test func zonesArePlainIANAWithOneVTIMEZONE() throws {
        let text = unfolded(try Self.render(.event))
        #expect(!text.contains("freeassociation"))
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
        #expect(text.contains("\r\nTZID:Asia/Tokyo\r\n"))
        #expect(text.contains("\r\nDTSTART;TZID=Asia/Tokyo:20270306T090000\r\n"))
        #expect(text.contains("\r\nDTEND;TZID=Asia/Tokyo:20270306T093000\r\n"))
    }

    @Test func eventsCarryStableUIDSequenceAndLastChange() throws {
        let first = try Self.render(.event)
        #expect(try Self.render(.event) == first)
        let text = unfolded(first)
        let dialogue = try #require(block(of: "dialogue.rare-cancers-forum-2027@convene", in: text))
        #expect(dialogue.contains("\r\nSEQUENCE:1\r\n"))
        #expect(dialogue.contains("\r\nDTSTAMP:20270115T000000Z\r\n"))
        #expect(dialogue.contains("\r\nLAST-MODIFIED:20270115T000000Z\r\n"))
        #expect(dialogue.contains("\r\nLOCATION:Room B\\, 2F\r\n"))
        #expect(dialogue.contains("\r\nSTATUS:CONFIRMED\r\n"))
        let opening = try #require(block(of: "opening.rare-cancers-forum-2027@convene", in: text))
        #expect(opening.contains("\r\nSEQUENCE:0\r\n") && opening.contains("\r\nDTSTAMP:20270110T000000Z\r\n"))
        #expect(!text.contains("佐藤") && !text.contains("hanako"))
    }

    @Test func removedSessionStaysAsCancelledWithAHigherSequence() throws {
        let text = unfolded(try Self.render(.event))
        let lunch = try #require(block(of: "lunch-talk.rare-cancers-forum-2027@convene", in: text))
        #expect(lunch.contains("\r\nSTATUS:CANCELLED\r\n"))
        #expect(lunch.contains("\r\nSEQUENCE:1\r\n"))
        #expect(lunch.contains("\r\nDTSTAMP:20270120T030000Z\r\n"))
    }

    @Test func calendarPropertiesAreThereAndNoMethod() throws {
        let text = unfolded(try Self.render(.room("hall")))
        for line in ["PRODID:\(FeedWriter.productID)", "VERSION:2.0", "CALSCALE:GREGORIAN",
                     "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"] {
            #expect(text.contains("\r\n\(line)\r\n"), "missing \(line)")
        }
        #expect(text.contains("\r\nNAME:") && text.contains("\r\nX-WR-CALNAME:"))
        #expect(!text.contains("METHOD"))
    }

    @Test func onlyAPersonsOwnFeedHasAttendanceAndOnlyTheirs() throws {
        for feed in Self.feeds {
            let text = unfolded(try FeedWriter.render(feed, of: Self.publication))
            let attendees = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("ATTENDEE") }
            if case .person(let id) = feed.kind {
                let person = ForumFixture.event.stakeholder(id)!
                #expect(attendees.allSatisfy { $0.hasSuffix(":mailto:\(person.email)") })
                for other in ForumFixture.people where other.id != id { #expect(!text.contains(other.email)) }
            } else {
                #expect(attendees.isEmpty, "ATTENDEE in \(feed.path)")
                #expect(!text.contains("佐藤") && !text.contains("hanako"), "patient named in \(feed.path)")
            }
        }
        let lee = unfolded(try Self.render(.person("i-lee")))
        #expect(lee.contains("ATTENDEE;CN=Dana Lee;ROLE=REQ-PARTICIPANT:mailto:dana.lee@pharma.example.com"))
        #expect(lee.contains("ROLE=OPT-PARTICIPANT"))
    }

    @Test func controlCharactersNeverReachAddressesOrStartAProperty() throws {
        var event = ForumFixture.event
        event.stakeholders[1].email = "dana@example.com\r\nATTENDEE:mailto:spy@example.com"
        event.stakeholders[1].name = "Dana\r\nX-EVIL:1"
        event.sessions[1].title = LocalizedText(en: "Title\r\nX-INJECTED:yes\u{0}")
        let publication = Publication(event: event, removed: [], history: ForumFixture.history)
        let feeds = FeedCatalog.feeds(of: publication)
        #expect(throws: ICalError.self) { try FeedWriter.render(feeds.first { $0.kind == .person("i-lee") }!, of: publication) }
        do {
            _ = try FeedWriter.render(feeds.first { $0.kind == .person("i-lee") }!, of: publication)
        } catch let error as ICalError {
            #expect(error.field == "email of stakeholder 'i-lee'")
            #expect(error.description.contains("U+000D"))
        }
        let text = try FeedWriter.render(feeds[0], of: publication)
        #expect(!text.contains("\r\nX-INJECTED") && !text.contains("\r\nX-EVIL"))
        #expect(unfolded(text).contains("SUMMARY:Title\\nX-INJECTED:yes\r\n"))
    }

    @Test func importingTheFeedGivesBackTheSchedule() throws {
        let text = try Self.render(.event)
        let window = Interval(start: ForumFixture.at("2027-03-01T00:00:00Z"), end: ForumFixture.at("2027-03-10T00:00:00Z"))
        let back = try CalendarReader.read(text: text, source: "event.ics", window: window, floatingZone: "UTC")
        #expect(back.skipped.isEmpty && back.notes.isEmpty)
        let scheduled = Self.publication.entries.filter { !$0.isCancelled }.map(\.interval)
        #expect(back.periods.map(\.interval) == scheduled.sorted { $0.start < $1.start })
    }

    func unfolded(_ text: String) -> String { text.replacingOccurrences(of: "\r\n ", with: "") }

    func block(of uid: String, in text: String) -> String? {
        text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("\r\nUID:\(uid)\r\n") }
    }
}
