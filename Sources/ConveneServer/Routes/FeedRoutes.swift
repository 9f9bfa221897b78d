import Hummingbird
import Logging

/// The feed endpoints: public feeds by path, private feeds by token, and the agenda page.
struct FeedRoutes: Sendable {
    let cache: FeedCache
    let agenda: AgendaPage

    func add(to router: Router<some RequestContext>) {
        router.get("feeds/**") { request, context in publicFeed(request, context) }
        router.get("private/{token}.ics") { request, context in privateFeed(request, context) }
        router.get("/") { request, context in agendaPage(request, context) }
        router.get("agenda") { request, context in agendaPage(request, context) }
    }

    func publicFeed(_ request: Request, _ context: some RequestContext) -> Response {
        let path = context.parameters.getCatchAll().joined(separator: "/")
        return serving(context) { snapshot in
            guard let feed = snapshot.publicFeed(at: path) else { return Self.notFound() }
            let seconds = snapshot.library.refreshSeconds
            return BodyResponse.make(try snapshot.body(of: feed), for: request, contentType: BodyResponse.calendar,
                                     cacheControl: "public, max-age=\(seconds)")
        }
    }

    func privateFeed(_ request: Request, _ context: some RequestContext) -> Response {
        let token = context.parameters.get("token") ?? ""
        return serving(context) { snapshot in
            // Unknown, revoked and removed-person tokens all end in the same 404.
            guard let person = snapshot.tokens.person(presenting: Substring(token)),
                  let feed = snapshot.library.personFeed(person) else { return Self.notFound() }
            let seconds = snapshot.library.refreshSeconds
            return BodyResponse.make(try snapshot.body(of: feed), for: request, contentType: BodyResponse.calendar,
                                     cacheControl: "private, max-age=\(seconds)")
        }
    }

    func agendaPage(_ request: Request, _ context: some RequestContext) -> Response {
        serving(context) { snapshot in
            let body = try snapshot.body(key: "agenda") { agenda.render(snapshot.library) }
            return BodyResponse.make(body, for: request, contentType: BodyResponse.html, cacheControl: "no-cache")
        }
    }

    /// Runs a handler on the current snapshot; a database that cannot be read gives 503, not a crash.
    private func serving(_ context: some RequestContext, _ handler: (FeedSnapshot) throws -> Response) -> Response {
        do {
            return try handler(try cache.current())
        } catch {
            context.logger.error("cannot serve", metadata: ["error": "\(error)"])
            return Response(status: .serviceUnavailable, headers: [.retryAfter: "5", .contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "The schedule cannot be read just now.\n")))
        }
    }

    /// The one 404, the same for every path and token.
    static func notFound() -> Response {
        Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found.\n")))
    }
}
