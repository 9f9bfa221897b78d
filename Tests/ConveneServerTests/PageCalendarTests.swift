import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Logging
import Testing

/// A live calendar saved on a person's page: fetched at once, its busy times listed in their zone,
/// the address never shown whole; refused on 127.0.0.1 unless the server allows private addresses.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct PageCalendarTests {
    static func server(_ fixture: Fixture, allowPrivate: Bool) -> FeedServer {
        var settings = ServerSettings(port: 0, recheck: .zero)
        settings.allowPrivateAddresses = allowPrivate
        return FeedServer(store: fixture.store, settings: settings,
                          logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    @Test func aCalendarSavedOnThePageIsReadAndListedInThePersonsZone() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let calendars = try CalendarServer()
        defer { calendars.stop() }
        // 10:00–11:00 in Tokyo is 02:00–03:00 for Sophie in Paris.
        try calendars.serve("sophie.ics", busy: [("20270312T010000", "20270312T020000")])
        let path = PageLinks.path(try PageLinks(store: f.store).issue(for: "martin", at: Fixture.at("2027-02-02T00:00:00Z")))
        let address = calendars.url("/sophie.ics").replacingOccurrences(of: "http://", with: "http%3A%2F%2F").replacingOccurrences(of: "/", with: "%2F")
        try await RunningServer.with(Self.server(f, allowPrivate: true)) { client in
            let page = try await client.get(path).text
            #expect(page.contains("<label for=\"address\">Calendar address</label>") && page.contains(">Save calendar</button>"))
            #expect(!page.contains(">Remove calendar</button>"))
            let key = try PageSiteTests.formKey(page)
            let origin = "http://127.0.0.1:\(client.port)"
            let posted = try await client.post(path + "/calendar", form: "form=\(key)&address=\(address)&save=1", origin: origin)
            #expect(posted.status == 303 && posted.header("Location") == path + "?said=calendar#calendar")
            #expect(try f.store.liveCalendars()["martin"]?.busy.count == 1)
            #expect(try f.store.auditLog().last?.detail.contains("by the person, on their page: 1 busy time read") == true)
            let shown = try await client.get(path + "?said=calendar").text
            #expect(shown.contains("Your calendar is saved and read."))
            #expect(shown.contains("in your time zone: 1"))
            #expect(shown.contains("<li>2027-03-12 02:00–03:00</li>"))
            #expect(shown.contains("http://127.0.0.1:\(calendars.port)/…") && !shown.contains("sophie.ics"))
            #expect(shown.contains(">Remove calendar</button>"))
            let removed = try await client.post(path + "/calendar", form: "form=\(key)&address=&remove=1", origin: origin)
            #expect(removed.header("Location") == path + "?said=calendarRemoved#calendar")
            #expect(try f.store.liveCalendars().isEmpty)
        }
        try await RunningServer.with(Self.server(f, allowPrivate: false)) { client in
            let page = try await client.get(path).text
            let key = try PageSiteTests.formKey(page)
            let posted = try await client.post(path + "/calendar", form: "form=\(key)&address=\(address)&save=1",
                                               origin: "http://127.0.0.1:\(client.port)")
            #expect(posted.header("Location") == path + "?said=calendarFailed#calendar")
            let shown = try await client.get(path).text
            #expect(shown.contains("The last read failed:") && shown.contains("127.0.0.1 is a loopback address"))
            let ja = try await client.get(PageLinks.path(try PageLinks(store: f.store).issue(for: "ito", at: Fixture.at("2027-02-02T00:00:00Z"))))
            #expect(ja.text.contains("<label for=\"address\">カレンダーのアドレス</label>") && ja.text.contains(">カレンダーを保存</button>"))
        }
    }
}
