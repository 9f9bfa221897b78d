import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Crypto
import Foundation
import HTTPTypes
import Mustache
import NIOCore

/// Each person's own page at `/p/TOKEN`: for every event they take part in, their published sessions
/// with Accept / Decline / Maybe and a comment, their availability and their calendar, each form
/// recorded through that event's change pipeline as the person's own answer.
///
/// Unlike feeds, a page is read from the database on every request (the answer on record must be
/// current, and a revoked link must fail at once), and a POST writes to it.
struct PageSite: Sendable {
    /// Largest request body read, in bytes: an answer form is well under 2 KB, a grid of 500 cells about 16 KB.
    static let maximumBodyBytes = 64 * 1024

    /// The whole store: a person's page covers every event they are in.
    let store: Store
    let directory: EventDirectory
    let holder: LinkHolder
    /// Fetches the calendar addresses people save on their pages.
    let fetcher: CalendarFetcher
    let templates: [String: MustacheTemplate]

    init(store: Store, holder: LinkHolder, allowPrivateAddresses: Bool = false) {
        self.store = store
        directory = EventDirectory(store: store)
        self.holder = holder
        self.fetcher = CalendarFetcher(allowPrivateAddresses: allowPrivateAddresses)
        // The templates are part of the program: one that does not compile is a bug, caught by the tests.
        templates = PageTemplates.all.mapValues { try! MustacheTemplate(string: $0) }
    }

    /// Whether a path belongs to the pages (so POST is allowed there).
    static func owns(_ path: String) -> Bool { path.hasPrefix("/p/") || path == "/page.css" || path == "/page.js" }

    /// The answer to a request for a page path.
    func answer(_ request: HTTPRequest, path: String, body: [UInt8]) -> Answer {
        if path == "/page.css" || path == "/page.js" {
            guard request.method == .get || request.method == .head else { return Self.notAllowed("GET, HEAD") }
            return path == "/page.css" ? Self.secured(.ok, contentType: "text/css; charset=utf-8", PageTemplates.css)
                : Self.secured(.ok, contentType: "text/javascript; charset=utf-8", PageTemplates.script)
        }
        let parts = path.dropFirst("/p/".count).split(separator: "/", omittingEmptySubsequences: false)
        guard let token = parts.first, !token.isEmpty, parts.count <= 2 else { return Self.notFound() }
        do {
            // Unknown, revoked and removed-person tokens all end in the same 404, after the same work.
            guard let person = try PageLinks(store: store).person(presenting: token) else { return Self.notFound() }
            switch (parts.count == 2 ? String(parts[1]) : nil, request.method) {
            case (nil, .get), (nil, .head):
                return try page(person: person, token: token, query: Self.query(request))
            case (nil, _):
                return Self.notAllowed("GET, HEAD")
            case ("answer", .post):
                let form = try checkedForm(request, token: token, body: body)
                return try recordAnswer(person: person, token: token, in: try target(of: form, for: person), form: form)
            case ("availability", .post):
                let form = try checkedForm(request, token: token, body: body)
                return try recordAvailability(person: person, token: token, in: try target(of: form, for: person), form: form)
            case ("calendar", .post):
                let form = try checkedForm(request, token: token, body: body)
                return try recordCalendar(person: person, token: token, in: try target(of: form, for: person), form: form)
            case ("answer", _), ("availability", _), ("calendar", _):
                return Self.notAllowed("POST")
            default:
                return Self.notFound()
            }
        } catch let refusal as Refusal {
            return refusal.answer
        } catch let error as AppError {
            return Self.secured(.badRequest, contentType: "text/plain; charset=utf-8", "\(error.message)\n")
        } catch {
            var answer = Self.secured(.serviceUnavailable, contentType: "text/plain; charset=utf-8",
                                      "The page cannot be read just now.\n")
            answer.headers[.retryAfter] = "5"
            return answer
        }
    }

    private func recordAnswer(person: String, token: Substring, in target: (store: Store, event: String?), form: FormBody) throws -> Answer {
        let answers: [String: RSVPAnswer.Answer] = ["accept": .accepted, "decline": .declined, "maybe": .tentative]
        guard let session = form["session"], let word = form["answer"], let answer = answers[word] else {
            return Self.secured(.badRequest, contentType: "text/plain; charset=utf-8",
                                "The form needs a session and an answer (accept, decline or maybe).\n")
        }
        // The server is an edge, like the CLI: it reads the clock and passes the moment in.
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
        let change = try RecordAnswer(person: person, session: session, answer: answer, comment: form["comment"],
                                      channel: .page, at: now)
        let outcome = try ChangePipeline(store: target.store).record(change, at: now)
        // Post, redirect, get: reloading the page shows the answer on record and posts nothing again.
        return Self.back(token, said: outcome.saved == nil ? "unchanged" : "saved", event: target.event, anchor: session)
    }

    private func recordCalendar(person: String, token: Substring, in target: (store: Store, event: String?), form: FormBody) throws -> Answer {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
        let calendars = LiveCalendars(store: target.store, fetcher: fetcher)
        if form["remove"] != nil {
            let outcome = try calendars.remove(person: person, at: now)
            return Self.back(token, said: outcome.saved == nil ? "unchanged" : "calendarRemoved", event: target.event, anchor: "calendar")
        }
        guard let address = form["address"], !address.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Self.secured(.badRequest, contentType: "text/plain; charset=utf-8", "The form needs a calendar address.\n")
        }
        // The fetch blocks for up to 10 s; the listener runs each request off the event loop.
        let result = try calendars.save(person: person, address: address, at: now)
        if case .failed = result.outcome { return Self.back(token, said: "calendarFailed", event: target.event, anchor: "calendar") }
        return Self.back(token, said: "calendar", event: target.event, anchor: "calendar")
    }

    /// A day's heading: `Monday 2027-02-22` or `2027年2月22日（月）`.
    static func dayText(_ date: LocalDate, language: Language) -> String {
        switch language {
        case .ja: return "\(date.year)年\(date.month)月\(date.day)日（\(["月", "火", "水", "木", "金", "土", "日"][date.isoWeekday - 1])）"
        case .en: return "\(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.isoWeekday - 1]) \(date.iso8601)"
        }
    }

    private func recordAvailability(person: String, token: Substring, in target: (store: Store, event: String?), form: FormBody) throws -> Answer {
        var marks: [String: AvailabilityAnswer.Mark] = [:]
        for field in form.fields where field.name.hasPrefix("c-") {
            guard let mark = AvailabilityAnswer.Mark(rawValue: field.value) else {
                return Self.secured(.badRequest, contentType: "text/plain; charset=utf-8",
                                    "A time is marked '\(field.value)': use available, if-need-be or unavailable.\n")
            }
            marks[String(field.name.dropFirst(2))] = mark
        }
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
        let change = RecordAvailability(person: person, anyTime: form["anytime"] != nil, marks: marks, note: form["note"],
                                        answeredAt: now)
        let outcome = try ChangePipeline(store: target.store).recordAvailability(change, at: now)
        return Self.back(token, said: outcome.saved == nil ? "unchanged" : "availability", event: target.event, anchor: "availability")
    }

    /// A response that ends a request before anything is recorded.
    struct Refusal: Error { var answer: Answer }

    /// The posted form, once it is shown to come from the person's own page: 403 for another Origin
    /// or a wrong anti-forgery value, 415/400 for a body that is no form.
    private func checkedForm(_ request: HTTPRequest, token: Substring, body: [UInt8]) throws -> FormBody {
        guard isOwnOrigin(request) else {
            throw Refusal(answer: Self.secured(.forbidden, contentType: "text/plain; charset=utf-8",
                                               "Forms are accepted only from this site.\n"))
        }
        guard let type = request.headerFields[.contentType]?.lowercased(),
              type.hasPrefix("application/x-www-form-urlencoded") else {
            throw Refusal(answer: Self.secured(.unsupportedMediaType, contentType: "text/plain; charset=utf-8",
                                               "Send the page's form.\n"))
        }
        guard let form = FormBody(body) else {
            throw Refusal(answer: Self.secured(.badRequest, contentType: "text/plain; charset=utf-8", "The form cannot be read.\n"))
        }
        guard let presented = form["form"],
              TokenDirectory.constantTimeEqual(Array(presented.utf8), Array(Self.formKey(token: token).utf8)) else {
            throw Refusal(answer: Self.secured(.forbidden, contentType: "text/plain; charset=utf-8",
                                               "This form is not from your page: reload the page and try again.\n"))
        }
        return form
    }

    /// True when the request's one Origin is this server, by its public address or the Host it was asked as.
    ///
    /// A page sent with `Referrer-Policy: no-referrer` makes browsers post its forms with `Origin: null`;
    /// then the browser's own `Sec-Fetch-Site: same-origin` must vouch for it (a foreign page gets `cross-site`).
    private func isOwnOrigin(_ request: HTTPRequest) -> Bool {
        let origins = request.headerFields[values: .origin]
        guard origins.count == 1, let origin = origins.first?.lowercased() else { return false }
        if origin == "null" {
            return request.headerFields[values: HTTPField.Name("Sec-Fetch-Site")!] == ["same-origin"]
        }
        var own = [Self.origin(of: holder.links.base)]
        if let host = request.authority?.lowercased() { own += ["http://\(host)", "https://\(host)"] }
        return own.contains(origin)
    }

    /// `scheme://host[:port]` of an address.
    static func origin(of base: String) -> String {
        let lower = base.lowercased()
        guard let scheme = lower.range(of: "://") else { return lower }
        let rest = lower[scheme.upperBound...]
        return String(lower[..<scheme.upperBound]) + rest.prefix { $0 != "/" }
    }

    /// The page's anti-forgery value: an HMAC of a fixed label under the page's token, so only someone
    /// who holds the page can fill it in, and a site that posts to the page from elsewhere cannot.
    static func formKey(token: Substring) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("convene page form".utf8), using: SymmetricKey(data: Array(token.utf8)))
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: mac.prefix(16).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    private static func query(_ request: HTTPRequest) -> [String: String] {
        guard let target = request.path, let q = target.firstIndex(of: "?") else { return [:] }
        let text = target[target.index(after: q)...].prefix { $0 != "#" }
        var out: [String: String] = [:]
        for field in FormBody(Array(text.utf8))?.fields ?? [] where out[field.name] == nil { out[field.name] = field.value }
        return out
    }

    /// What every page response carries: never stored, never referred, nothing loaded from elsewhere.
    static func secured(_ status: HTTPResponse.Status, contentType: String, _ text: String) -> Answer {
        var headers: HTTPFields = [.contentType: contentType, .contentLength: String(text.utf8.count)]
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return Answer(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    /// Styles and the one script from this server only, no inline script; no frame, font or image from
    /// anywhere; forms post here only.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func notFound() -> Answer { secured(.notFound, contentType: "text/plain; charset=utf-8", "Not found.\n") }

    private static func notAllowed(_ allow: String) -> Answer {
        var answer = secured(.methodNotAllowed, contentType: "text/plain; charset=utf-8", "Use \(allow) here.\n")
        answer.headers[.allow] = allow
        return answer
    }

    static func seeOther(_ location: String) -> Answer {
        var answer = secured(.seeOther, contentType: "text/plain; charset=utf-8", "Saved.\n")
        answer.headers[.location] = location
        return answer
    }
}
