import Hummingbird
import Logging

/// Answers every request: `/` and `/agenda`, public feeds under `/feeds/`, private feeds at
/// `/private/TOKEN.ics`; anything else is refused or not found. A plain switch on the path, not a
/// router: five fixed shapes, and the 304 path is the hot one.
struct FeedResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let cache: FeedCache
    let agenda: AgendaPage
    let logRequests: Bool

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = answer(request, context)
        if logRequests {
            context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)")
        }
        return response
    }

    private func answer(_ request: Request, _ context: Context) -> Response {
        if let refusal = RequestGuard.refusal(request) { return refusal }
        let path = request.uri.path
        if path == "/" || path == "/agenda" {
            return serving(context) { snapshot in
                let body = try snapshot.body(key: "agenda", contentType: "text/html; charset=utf-8", cacheControl: "no-cache") {
                    agenda.render(snapshot.library)
                }
                return BodyResponse.make(body, for: request)
            }
        }
        if path.hasPrefix("/feeds/") {
            let feedPath = String(path.dropFirst("/feeds/".count))
            return serving(context) { snapshot in
                guard let feed = snapshot.publicFeed(at: feedPath) else { return Self.notFound() }
                return BodyResponse.make(try snapshot.body(of: feed), for: request)
            }
        }
        if path.hasPrefix("/private/"), path.hasSuffix(".ics") {
            let token = path.dropFirst("/private/".count).dropLast(".ics".count)
            return serving(context) { snapshot in
                // Unknown, revoked and removed-person tokens all end in the same 404, after the same work.
                guard let person = snapshot.tokens.person(presenting: token),
                      let feed = snapshot.library.personFeed(person) else { return Self.notFound() }
                return BodyResponse.make(try snapshot.body(of: feed), for: request)
            }
        }
        return Self.notFound()
    }

    /// Runs a handler on the current snapshot; a database that cannot be read gives 503, not a crash.
    private func serving(_ context: Context, _ handler: (FeedSnapshot) throws -> Response) -> Response {
        do {
            return try handler(try cache.current())
        } catch {
            context.logger.error("cannot serve", metadata: ["error": "\(error)"])
            var response = RequestGuard.plain(.serviceUnavailable, "The schedule cannot be read just now.\n")
            response.headers[.retryAfter] = "5"
            return response
        }
    }

    /// The one 404, the same for every path and token.
    static func notFound() -> Response {
        RequestGuard.plain(.notFound, "Not found.\n")
    }
}
