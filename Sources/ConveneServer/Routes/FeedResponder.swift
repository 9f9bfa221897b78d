import HTTPTypes
import Logging
import NIOCore

/// Answers every request: `/` and `/agenda`, `/schedule.xml` and `/schedule.json`, public feeds under
/// `/feeds/`, private feeds at `/private/TOKEN.ics`, people's own pages at `/p/TOKEN`; anything else is refused or not found. A plain
/// switch on the path, not a router: a few fixed shapes, and the 304 path is the hot one.
struct FeedResponder: Sendable {
    let cache: FeedCache
    let agenda: AgendaPage
    /// People's own pages; nil when the server has no database to write answers to.
    let pages: PageSite?
    let logger: Logger
    let logRequests: Bool
    /// The running service's health and metrics; nil (no `/healthz`, `/metrics`) for a bare feed server.
    var operations: Operations? = nil

    /// Whether answering reads the database on every request (people's pages), rather than from memory.
    func readsDatabase(_ request: HTTPRequest) -> Bool {
        guard pages != nil, let target = request.path else { return false }
        return target.hasPrefix("/p/")
    }

    /// The answer to a request, from memory (or, once per database change, a render).
    func respond(to request: HTTPRequest, body: [UInt8] = []) -> Answer {
        let target = request.path ?? "/"
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        let started = ContinuousClock.now
        let answer = self.answer(request, path: path, body: body)
        if let operations {
            let took = ContinuousClock.now - started
            operations.recordRequest(status: answer.status.code,
                                     nanoseconds: took.components.seconds * 1_000_000_000 + took.components.attoseconds / 1_000_000_000)
        }
        if logRequests {
            logger.info("\(request.method) \(Self.loggable(path)) \(answer.status.code)")
        }
        return answer
    }

    private func answer(_ request: HTTPRequest, path: String, body: [UInt8]) -> Answer {
        let page = pages != nil && PageSite.owns(path)
        if let refusal = RequestGuard.refusal(method: request.method, path: path, posting: page) { return refusal }
        if page, let pages { return pages.answer(request, path: path, body: body) }
        if let operations, path == "/healthz" || path == "/metrics" {
            let health = path == "/healthz"
            let bytes = health ? HealthReport(workers: operations.workerStates).json : operations.prometheusText
            return Answer(status: .ok, headers: [
                .contentType: health ? "application/json; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8",
                .contentLength: String(bytes.count), .cacheControl: "no-store",
            ], body: ByteBuffer(bytes: bytes))
        }
        if path == "/" || path == "/agenda" {
            return serving { snapshot in
                let body = try snapshot.body(key: "agenda", contentType: "text/html; charset=utf-8", cacheControl: "no-cache") {
                    agenda.render(snapshot.library)
                }
                return BodyResponse.make(body, for: request)
            }
        }
        if path == "/schedule.xml" || path == "/schedule.json" {
            let xml = path.hasSuffix(".xml")
            return serving { snapshot in
                let body = try snapshot.body(
                    key: path, contentType: xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
                    cacheControl: "public, max-age=\(snapshot.library.refreshSeconds)") { try agenda.schedule(snapshot.library, xml: xml) }
                return BodyResponse.make(body, for: request)
            }
        }
        if path.hasPrefix("/feeds/") {
            let feedPath = String(path.dropFirst("/feeds/".count))
            return serving { snapshot in
                guard let feed = snapshot.publicFeed(at: feedPath) else { return Self.notFound() }
                return BodyResponse.make(try snapshot.body(of: feed), for: request)
            }
        }
        if path.hasPrefix("/private/"), path.hasSuffix(".ics") {
            let token = path.dropFirst("/private/".count).dropLast(".ics".count)
            // Checked against the database now, not within `recheck`: a revoked link is refused at once.
            return serving(fresh: true) { snapshot in
                // Unknown, revoked and removed-person tokens all end in the same 404, after the same work.
                guard let person = snapshot.tokens.person(presenting: token),
                      let feed = snapshot.library.personFeed(person) else { return Self.notFound() }
                return BodyResponse.make(try snapshot.body(of: feed), for: request)
            }
        }
        return Self.notFound()
    }

    /// Runs a handler on the current snapshot; a database that cannot be read gives 503, not a crash.
    private func serving(fresh: Bool = false, _ handler: (FeedSnapshot) throws -> Answer) -> Answer {
        do {
            return try handler(try cache.current(fresh: fresh))
        } catch {
            logger.error("cannot serve", metadata: ["error": "\(error)"])
            var answer = RequestGuard.plain(.serviceUnavailable, "The schedule cannot be read just now.\n")
            answer.headers[.retryAfter] = "5"
            return answer
        }
    }

    /// The path as logs may show it: a private feed's or page's token is a secret, so it never reaches a log.
    static func loggable(_ path: String) -> String {
        if path.hasPrefix("/private/") { return "/private/[token]" }
        if path.hasPrefix("/p/") { return "/p/[token]" + (path.dropFirst(3).firstIndex(of: "/").map { path[$0...] } ?? "") }
        return path
    }

    /// The one 404, the same for every path and token.
    static func notFound() -> Answer {
        RequestGuard.plain(.notFound, "Not found.\n")
    }
}
