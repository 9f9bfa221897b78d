import ConveneCore
@testable import ConveneICal
import Testing

/// Online links, cancelled sessions and parameter quoting, as subscribers' calendars see them.
struct FeedOnlineTests {
    static func publication(online: OnlineLink?) -> Publication {
        var event = ForumFixture.event
        event.sessions = event.sessions.map { s in
            var s = s
            if s.id == "dialogue" { s.online = online }
            return s
        }
        event.stakeholders[1].name = "Dana \"DL\" Lee ^n"
        return Publication(event: event, removed: ForumFixture.removed, history: ForumFixture.history)
    }

    static func render(_ kind: Feed.Kind, _ publication: Publication) throws -> String {
        try FeedWriter.render(FeedCatalog.feeds(of: publication).first { $0.kind == kind }!, of: publication)
    }

    @Test func aPublicLinkIsInEveryFeedAsConferenceAndURL() throws {
        let p = Self.publication(online: OnlineLink(url: "https://meet.example.org/dialogue"))
        for kind in [Feed.Kind.event, .person("i-lee")] {
            let text = try Self.render(kind, p).replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL="))
            #expect(text.contains(":https://meet.example.org/dialogue\r\n") && text.contains("URL:https://meet.example.org/dialogue\r\n"))
        }
    }

    @Test func aPrivateLinkIsOnlyInTheParticipantsOwnFeeds() throws {
        let p = Self.publication(online: OnlineLink(url: "https://meet.example.org/secret", isPrivate: true))
        #expect(!(try Self.render(.event, p)).contains("secret"))
        #expect(!(try Self.render(.group(.industry), p)).contains("secret"))
        #expect(try Self.render(.person("i-lee"), p).replacingOccurrences(of: "\r\n ", with: "").contains("URL:https://meet.example.org/secret"))
    }

    @Test func aCancelledSessionSaysSoInItsSummaryInTheFeedsLanguage() throws {
        let p = Self.publication(online: nil)
        #expect(try Self.render(.event, p).contains("SUMMARY:[中止 / Cancelled] Lunch talk\r\n"))
        #expect(try Self.render(.person("i-lee"), p).contains("SUMMARY:[Cancelled] Lunch talk\r\n"))
    }

    @Test func namesKeepEveryCharacterThroughRFC6868() throws {
        let text = try Self.render(.person("i-lee"), Self.publication(online: nil)).replacingOccurrences(of: "\r\n ", with: "")
        // `"` becomes ^' and a literal ^ becomes ^^, so a reader decodes the name exactly.
        #expect(text.contains("ATTENDEE;CN=Dana ^'DL^' Lee ^^n;"))
    }
}
