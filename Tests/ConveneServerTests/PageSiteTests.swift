import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

/// People's own pages over HTTP: the page, answers posted from it, and what is refused.
@Suite(.serialized)
struct PageSiteTests {
    static func server(_ fixture: Fixture) -> FeedServer {
        FeedServer(store: fixture.store, settings: ServerSettings(port: 0, recheck: .zero),
                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func formKey(_ page: String) throws -> String {
        let marker = "name=\"form\" value=\""
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    @Test func aPersonSeesTheirSessionsInTheirZoneAndLanguageWithStrictHeaders() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let token = try PageLinks(store: f.store).issue(for: "martin", at: Fixture.at("2027-02-02T00:00:00Z"))
        try await RunningServer.with(Self.server(f)) { client in
            let reply = try await client.get(PageLinks.path(token))
            #expect(reply.status == 200)
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Referrer-Policy") == "no-referrer")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(reply.header("Content-Security-Policy")?.hasPrefix("default-src 'none';") == true)
            let page = reply.text
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("Opening plenary") && page.contains("Industry round table") && !page.contains("Access to trials"))
            // Sophie lives in Paris: 09:00 in Tokyo is 01:00 for her, and the venue's time is shown too.
            #expect(page.contains("Friday 12 March 2027, 01:00–02:00 (Europe/Paris)"))
            #expect(page.contains("Friday 12 March 2027, 09:00–10:00 (Asia/Tokyo)"))
            #expect(page.contains(">Accept</button>") && page.contains(">Decline</button>") && page.contains(">Maybe</button>"))
            #expect(page.contains(">Comment</label>") && page.contains("No answer yet"))
            // Nothing from elsewhere, and no inline script: the one script is ours, by address.
            #expect(!page.contains("http://") && !page.contains("https://"))
            #expect(page.components(separatedBy: "<script").count - 1 == page.components(separatedBy: "<script src=\"/page.js\" defer></script>").count - 1)
            let script = try await client.get("/page.js")
            #expect(script.status == 200 && script.header("Content-Type") == "text/javascript; charset=utf-8")
            let css = try await client.get("/page.css")
            #expect(css.status == 200 && css.header("Content-Type") == "text/css; charset=utf-8")
            let ja = try await client.get(PageLinks.path(try PageLinks(store: f.store).issue(for: "ito", at: Fixture.at("2027-02-02T00:00:00Z"))))
            #expect(ja.text.contains("<html lang=\"ja\">") && ja.text.contains(">辞退</button>"))
        }
    }

    @Test func aDeclineOnThePageIsRecordedAsThePersonsOwnAndShownOnRecord() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let path = PageLinks.path(try PageLinks(store: f.store).issue(for: "martin", at: Fixture.at("2027-02-02T00:00:00Z")))
        try await RunningServer.with(Self.server(f)) { client in
            let key = try Self.formKey(try await client.get(path).text)
            let origin = "http://127.0.0.1:\(client.port)"
            let posted = try await client.post(path + "/answer", form: "form=\(key)&session=opening&answer=decline&comment=In+Lyon+%26+away",
                                               origin: origin)
            #expect(posted.status == 303)
            #expect(posted.header("Location") == path + "?said=saved#opening")
            let answer = try #require(try f.store.answers().first)
            #expect(answer.person == "martin" && answer.answer == .declined && answer.comment == "In Lyon & away" && answer.source == "page")
            let current = try ChangePipeline(store: f.store).current()
            #expect(current.conflicts.contains { $0.kind == .declined && $0.people == ["martin"] })
            #expect(try f.store.auditLog().last?.detail.contains("by the person, on their page") == true)
            let shown = try await client.get(path + "?said=saved")
            #expect(shown.text.contains("Declined</strong> — “In Lyon &amp; away”") && shown.text.contains("Your answer is saved."))
            // The same again records nothing.
            let again = try await client.post(path + "/answer", form: "form=\(key)&session=opening&answer=decline&comment=In+Lyon+%26+away",
                                              origin: origin)
            #expect(again.header("Location") == path + "?said=unchanged#opening")
            #expect(try f.store.answers().count == 1)
        }
    }

    @Test func foreignOriginsWrongFormValuesBigBodiesAndRevokedLinksAreRefused() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let links = PageLinks(store: f.store)
        let path = PageLinks.path(try links.issue(for: "martin", at: Fixture.at("2027-02-02T00:00:00Z")))
        try await RunningServer.with(Self.server(f)) { client in
            let key = try Self.formKey(try await client.get(path).text)
            let origin = "http://127.0.0.1:\(client.port)"
            let form = "form=\(key)&session=opening&answer=accept"
            #expect(try await client.post(path + "/answer", form: form, origin: "https://evil.example").status == 403)
            #expect(try await client.post(path + "/answer", form: form, origin: nil).status == 403)
            // A no-referrer page posts with Origin: null: only the browser's same-origin fetch mark lets it through.
            let nullOrigin = ["Content-Type": "application/x-www-form-urlencoded", "Origin": "null"]
            #expect(try await client.get(path + "/answer", method: "POST", headers: nullOrigin.merging(["Sec-Fetch-Site": "cross-site"]) { a, _ in a },
                                         body: Data(form.utf8)).status == 403)
            #expect(try await client.get(path + "/answer", method: "POST", headers: nullOrigin, body: Data(form.utf8)).status == 403)
            #expect(try await client.post(path + "/answer", form: "form=0123&session=opening&answer=accept", origin: origin).status == 403)
            let other = PageLinks.path(try links.issue(for: "kimura", at: Fixture.at("2027-02-02T00:00:00Z")))
            #expect(try await client.post(other + "/answer", form: "form=\(key)&session=industry&answer=accept", origin: origin).status == 403,
                    "one page's form value does not open another's")
            #expect(try await client.post(path + "/answer", form: "form=\(key)&session=access&answer=accept", origin: origin).status == 400,
                    "a session the person is not in")
            let big = String(repeating: "x", count: PageSite.maximumBodyBytes + 1)
            #expect(try await client.post(path + "/answer", form: "form=\(key)&comment=\(big)", origin: origin).status == 413)
            #expect(try await client.post(Fixture.address("/feeds/event.ics"), form: form, origin: origin).status == 405)
            #expect(try f.store.answers().isEmpty)
            let sameOrigin = try await client.get(path + "/answer", method: "POST",
                                                  headers: nullOrigin.merging(["Sec-Fetch-Site": "same-origin"]) { a, _ in a },
                                                  body: Data(form.utf8))
            #expect(sameOrigin.status == 303)
            #expect(try f.store.answers().count == 1)
            #expect(try await client.get("/p/" + SecretToken.random().text).status == 404)
            try links.revoke("martin", at: Fixture.at("2027-02-03T00:00:00Z"))
            let revoked = try await client.get(path)
            #expect(revoked.status == 404 && revoked.header("Cache-Control") == "no-store")
        }
        #expect(FeedResponder.loggable(path + "/answer") == "/p/[token]/answer")
    }
}
