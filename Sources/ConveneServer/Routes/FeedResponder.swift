import ConveneICal
import HTTPTypes
import Logging
import NIOCore

/// Answers every request: per event, under `/events/ID`, `/` and `/agenda`, `/schedule.xml` and
/// `/schedule.json` and public feeds under `/feeds/` (while the store holds one event, the same paths at the
/// top redirect there); with several events, their index at `/`; private feeds at `/private/TOKEN.ics` and
/// people's own pages at `/p/TOKEN` across events; anything else is refused or not found. A plain switch on
/// the path, not a router: a few fixed shapes, and the 304 path is the hot one.
struct FeedResponder: Sendable {
    /// Every event in the store, each with its feeds.
    let shelf: EventShelf
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
        if path.hasPrefix("/private/"), path.hasSuffix(".ics") {
            return privateFeed(path.dropFirst("/private/".count).dropLast(".ics".count), request)
        }
        let route: Route
        do { route = try self.route(path) } catch { return Self.unavailable(error, logger: logger) }
        switch route {
        case .index:
            do {
                let links = agenda.links
                return BodyResponse.make(try shelf.indexPage(links: links) { IndexPage.render($0, links: links) }, for: request)
            } catch {
                return Self.unavailable(error, logger: logger)
            }
        case .event(let id, let inner, let prefix):
            return eventAnswer(request, event: id, path: inner, prefix: prefix)
        case .moved(let id, let inner):
            return moved(request, event: id, path: inner)
        case .notFound:
            return Self.notFound()
        }
    }

    /// Where a path leads: the index of events, a path of one event, its old address, or nowhere.
    enum Route: Equatable {
        case index
        /// `path` within the event `id` (nil: no event imported yet), asked for under `prefix`.
        case event(String?, path: String, prefix: String)
        /// An event's `path` asked for at the top, where it was served before `/events/ID/…`.
        case moved(String, path: String)
        case notFound
    }

    /// `/events/ID/…` is the one address of an event's programme, feeds and frab files. While the store
    /// holds one event the same paths at the top (the links handed out before) move there; with several
    /// they are nobody's and `/` is the index. Before any import the top shows that nothing is there yet.
    func route(_ path: String) throws -> Route {
        let ids = try shelf.eventIDs()
        if path.hasPrefix("/events/") {
            let rest = path.dropFirst("/events/".count)
            let id = String(rest.prefix { $0 != "/" })
            guard ids.contains(id) else { return .notFound }
            let inner = rest.dropFirst(id.count)
            return .event(id, path: inner.isEmpty ? "/" : String(inner), prefix: "/events/\(id)")
        }
        if ids.count > 1 { return path == "/" ? .index : .notFound }
        guard let only = ids.first else { return .event(nil, path: path, prefix: "") }
        return Self.eventPath(path) ? .moved(only, path: path) : .notFound
    }

    /// Whether a path is one an event serves (under `/events/ID`).
    static func eventPath(_ path: String) -> Bool {
        path == "/" || path == "/agenda" || path == "/schedule.xml" || path == "/schedule.json" || path.hasPrefix("/feeds/")
    }

    /// A permanent redirect from an old address to the event's own, the query kept.
    ///
    /// 308 for pages as for feeds and frab files: for the GET and HEAD these addresses answer it means what
    /// 301 means, and it never lets a client turn another method into GET; one status keeps the rule one.
    /// `no-cache` because `/` becomes the index once a second event is imported: browsers ask again, while
    /// calendar apps still learn the new address and keep it.
    private func moved(_ request: HTTPRequest, event: String, path: String) -> Answer {
        if path.hasPrefix("/feeds/") {
            // Only a feed that exists moves: a wrong one is the same 404 at either address.
            do {
                guard try shelf.cache(for: event).current().publicFeed(at: String(path.dropFirst("/feeds/".count))) != nil else {
                    return Self.notFound()
                }
            } catch {
                return Self.unavailable(error, logger: logger)
            }
        }
        let target = request.path ?? path
        let location = "/events/\(event)" + target.prefix { $0 != "#" }
        var answer = RequestGuard.plain(.permanentRedirect, "Moved to \(location)\n")
        answer.headers[.location] = location
        answer.headers[.cacheControl] = "no-cache"
        return answer
    }

    /// The programme, the frab schedule and the public feeds of one event.
    private func eventAnswer(_ request: HTTPRequest, event: String?, path: String, prefix: String) -> Answer {
        let cache = shelf.cache(for: event)
        if path == "/" || path == "/agenda" {
            // In a store of several, the page links back to their index.
            let several = !prefix.isEmpty && ((try? shelf.eventIDs().count) ?? 0) > 1
            return serving(cache) { snapshot in
                let key = "agenda" + prefix + (several ? " index" : "")
                let body = try snapshot.body(key: key, contentType: "text/html; charset=utf-8", cacheControl: "no-cache") {
                    agenda.render(snapshot.library, prefix: prefix, index: several)
                }
                return BodyResponse.make(body, for: request)
            }
        }
        if path == "/schedule.xml" || path == "/schedule.json" {
            let xml = path.hasSuffix(".xml")
            return serving(cache) { snapshot in
                let body = try snapshot.body(
                    key: path + prefix, contentType: xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
                    cacheControl: "public, max-age=\(snapshot.library.refreshSeconds)") {
                        try agenda.schedule(snapshot.library, xml: xml, prefix: prefix)
                    }
                return BodyResponse.make(body, for: request)
            }
        }
        if path.hasPrefix("/feeds/") {
            let feedPath = String(path.dropFirst("/feeds/".count))
            return serving(cache) { snapshot in
                guard let feed = snapshot.publicFeed(at: feedPath) else { return Self.notFound() }
                return BodyResponse.make(try snapshot.body(of: feed), for: request)
            }
        }
        return Self.notFound()
    }

    /// A person's own feed: their sessions in every event they take part in, one calendar.
    private func privateFeed(_ token: Substring, _ request: HTTPRequest) -> Answer {
        do {
            let ids = try shelf.eventIDs()
            // Checked against the database now, not within `recheck`: a revoked link is refused at once.
            // Unknown, revoked and removed-person tokens all end in the same 404, after the same work.
            let (found, stamp) = try shelf.person(presenting: token)
            guard let person = found else { return Self.notFound() }
            let theirs: [String?] = ids.count > 1 ? try shelf.events(of: person, at: stamp).filter(ids.contains) : [ids.first]
            var feeds: [(FeedSnapshot, Feed)] = []
            for id in theirs {
                // One read of the stamp however many events the person is in, while nothing changes; after a
                // change each event checks its own, and only an event that changed is loaded again.
                let snapshot = try shelf.cache(for: id).current(confirmedAt: stamp)
                if let feed = snapshot.library.personFeed(person) { feeds.append((snapshot, feed)) }
            }
            switch feeds.count {
            case 0: return Self.notFound()
            case 1: return BodyResponse.make(try feeds[0].0.body(of: feeds[0].1), for: request)
            default: return BodyResponse.make(try shelf.personFeed(person, across: feeds), for: request)
            }
        } catch {
            return Self.unavailable(error, logger: logger)
        }
    }

    /// 503 for a database that cannot be read just now; never a crash.
    private static func unavailable(_ error: any Error, logger: Logger) -> Answer {
        logger.error("cannot serve", metadata: ["error": "\(error)"])
        var answer = RequestGuard.plain(.serviceUnavailable, "The schedule cannot be read just now.\n")
        answer.headers[.retryAfter] = "5"
        return answer
    }

    /// Runs a handler on the current snapshot; a database that cannot be read gives 503, not a crash.
    private func serving(_ cache: FeedCache, _ handler: (FeedSnapshot) throws -> Answer) -> Answer {
        do {
            return try handler(try cache.current())
        } catch {
            return Self.unavailable(error, logger: logger)
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
