import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// `convene calendars list|refresh` and the calendar state in `availability`, on the bundled example
/// with a live calendar saved as a person's page saves it, served from 127.0.0.1.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct CalendarsCommandTests {
    @Test func refreshPrintsEachPersonsOutcomeAndListShowsTheAddressRedacted() throws {
        let (folder, env) = try TemporaryFolder.imported()
        let server = try CalendarServer()
        defer { server.stop() }
        // 14:00–15:00 in Tokyo on the forum's day.
        try server.serve("mizuno.ics", busy: [("20270227T050000", "20270227T060000")])
        let store = try Store(path: env["CONVENE_DB"]!)
        let saved = try LiveCalendars(store: store, fetcher: CalendarFetcher(allowPrivateAddresses: true))
            .save(person: "g-mizuno-taro", address: server.url("/mizuno.ics?key=s3cr3t"), at: Instant(iso8601: "2027-02-01T00:00:00Z")!)
        #expect(saved.outcome == .changed(1))

        let refused = try CommandLine.run(["calendars", "refresh"], in: folder.url, environment: env)
        #expect(refused.status == 0 && refused.stdout.contains("g-mizuno-taro: failed: calendar at http://127.0.0.1:\(server.port)/…: refused: "
            + "127.0.0.1 is a loopback address"), "\(refused.stdout)\(refused.stderr)")
        let unchanged = try CommandLine.run(["calendars", "refresh", "g-mizuno-taro", "--allow-private-addresses"], in: folder.url,
                                            environment: env)
        #expect(unchanged.stdout == "g-mizuno-taro: unchanged\n", "\(unchanged.stderr)")
        try server.serve("mizuno.ics", busy: [("20270227T050000", "20270227T060000"), ("20270227T010000", "20270227T020000")])
        let changed = try CommandLine.run(["calendars", "refresh", "--allow-private-addresses"], in: folder.url, environment: env)
        #expect(changed.stdout.hasPrefix("g-mizuno-taro: changed 2 busy times\n"), "\(changed.stderr)")

        let list = try CommandLine.run(["calendars", "list"], in: folder.url, environment: env)
        #expect(list.stdout.hasPrefix("g-mizuno-taro\thttp://127.0.0.1:\(server.port)/…\t2 busy times, fetched 20"), "\(list.stdout)")
        for out in [refused, unchanged, changed, list] { #expect(!out.stdout.contains("s3cr3t") && !out.stderr.contains("mizuno.ics")) }

        let text = try CommandLine.run(["availability"], in: folder.url, environment: env)
        #expect(text.stdout.contains("g-mizuno-taro:\n  calendar: http://127.0.0.1:\(server.port)/…, 2 busy times, fetched 20"), "\(text.stdout)")
        let json = try CommandLine.run(["availability", "--json"], in: folder.url, environment: env)
        let people = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["people"] as? [[String: Any]])
        let mizuno = try #require(people.first { $0["id"] as? String == "g-mizuno-taro" })
        let calendar = try #require(mizuno["calendar"] as? [String: Any])
        #expect(calendar["address"] as? String == "http://127.0.0.1:\(server.port)/…" && calendar["busy"] as? Int == 2)
        #expect(calendar["fetched"] is String && calendar["error"] == nil)
        #expect((mizuno["unavailable"] as? [[String]])?.contains(["2027-02-27T14:00:00+09:00", "2027-02-27T15:00:00+09:00"]) == true)
        #expect(!json.stdout.contains("s3cr3t"))
        let conflicts = try CommandLine.run(["calendars", "refresh", "nobody"], in: folder.url, environment: env)
        #expect(conflicts.status == 1 && conflicts.stderr.contains("no person 'nobody'"))
    }
}
