import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers each request on the event loop that read it, straight after HTTP/1 decoding: every
/// answer comes from memory, so there is nothing to wait for and no reason to hop to another thread.
///
/// Requests are answered in order (NIO's pipelining handler sits before this one); malformed ones
/// never get here: NIO's error handler answers 400 and closes. This handler applies HTTP/1.1's own
/// rules: Host is required in 1.1, `Expect: 100-continue` is answered at once whatever the method,
/// HTTP/1.0 closes unless it asks for keep-alive, and a request head larger than `maximumHeadBytes`
/// gets 431. Every response says `X-Content-Type-Options: nosniff`.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Largest request line plus headers served, in bytes; larger heads get 431.
    static let maximumHeadBytes = 8 * 1024
    /// Most header fields in one request; more get 431.
    static let maximumHeaderFields = 100
    /// Fields every response carries: browsers take the Content-Type as given, never guess another.
    static let everyResponse = [("X-Content-Type-Options", "nosniff")]

    private let responder: FeedResponder
    private let dates: ResponseDate
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false
    private var closing = false

    init(responder: FeedResponder, dates: ResponseDate) {
        self.responder = responder
        self.dates = dates
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
            body = []
            // A declared length over the limit is refused before a byte of it is read.
            bodyTooLarge = request.method == .POST
                && (request.headers.first(name: "content-length").flatMap(Int.init) ?? 0) > PageSite.maximumBodyBytes
            // A client waits for this before sending its body: say go on whatever the method (the answer,
            // e.g. 405 for a PUT, follows the body) unless the body declared is over the limit, which is
            // refused at once. Other expectations get 417.
            if let expect = request.headers.first(name: "expect"), expect.lowercased() == "100-continue", !bodyTooLarge {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))),
                                      promise: nil)
            }
        case .body(let chunk):
            // Only forms on people's pages take a body; anything else sent is dropped unread.
            guard head?.method == .POST, !bodyTooLarge else { break }
            if body.count + chunk.readableBytes > PageSite.maximumBodyBytes {
                bodyTooLarge = true
                body = []
            } else {
                body.append(contentsOf: chunk.readableBytesView)
            }
        case .end:
            guard let request = head else { return }
            head = nil
            context.triggerUserOutboundEvent(ConnectionDeadline.RequestComplete(), promise: nil)
            respond(to: request, body: body, tooLarge: bodyTooLarge, context: context)
            body = []
            bodyTooLarge = false
        }
    }

    private func respond(to request: HTTPRequestHead, body: [UInt8], tooLarge: Bool, context: ChannelHandlerContext) {
        var keepAlive = request.isKeepAlive
        var answer: Answer
        if let refusal = Self.refusal(request) {
            answer = refusal
            keepAlive = false
        } else if tooLarge {
            answer = RequestGuard.plain(.contentTooLarge, "Request bodies are limited to \(PageSite.maximumBodyBytes) bytes.\n")
            keepAlive = false
        } else if let converted = Self.converted(request) {
            guard !responder.readsDatabase(converted) else {
                // A person's page reads and writes the database: done on NIO's thread pool, so the
                // event loop goes on serving feeds from memory meanwhile. The pipelining handler holds
                // the connection's next request until this answer is written.
                let responder = responder, keepAlive = keepAlive
                let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
                NIOThreadPool.singleton.runIfActive(eventLoop: context.eventLoop) { responder.respond(to: converted, body: body) }
                    .whenComplete { result in
                        let answer = (try? result.get())
                            ?? RequestGuard.plain(.serviceUnavailable, "The server is shutting down.\n")
                        bound.value.handler.send(answer, for: request, keepAlive: keepAlive, context: bound.value.context)
                    }
                return
            }
            answer = responder.respond(to: converted, body: body)
        } else {
            answer = RequestGuard.plain(.badRequest, "The request cannot be read.\n")
            keepAlive = false
        }
        send(answer, for: request, keepAlive: keepAlive, context: context)
    }

    private func send(_ answer: Answer, for request: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        var answer = answer
        answer.headers[.date] = dates.now
        var headers = HTTPHeaders()
        headers.reserveCapacity(answer.headers.count + Self.everyResponse.count + 1)
        for field in answer.headers { headers.add(name: field.name.canonicalName, value: field.value) }
        for (name, value) in Self.everyResponse { headers.replaceOrAdd(name: name, value: value) }
        if !keepAlive {
            headers.replaceOrAdd(name: "connection", value: "close")
        } else if request.version.minor == 0 {
            headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        let status = HTTPResponseStatus(statusCode: answer.status.code, reasonPhrase: answer.status.reasonPhrase)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD, let body = answer.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            closing = true
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// The 4xx for a request HTTP/1.1 itself forbids, or nil.
    static func refusal(_ request: HTTPRequestHead) -> Answer? {
        let hosts = request.headers["host"]
        if request.version.major == 1, request.version.minor >= 1, hosts.count != 1 {
            // RFC 9112 §3.2: exactly one Host in HTTP/1.1.
            return RequestGuard.plain(.badRequest, "HTTP/1.1 requests need exactly one Host header.\n")
        }
        if let expect = request.headers.first(name: "expect"), expect.lowercased() != "100-continue" {
            return RequestGuard.plain(.expectationFailed, "Only 100-continue is understood in Expect.\n")
        }
        var bytes = request.uri.utf8.count + 16
        for (name, value) in request.headers { bytes += name.utf8.count + value.utf8.count + 4 }
        if bytes > maximumHeadBytes || request.headers.count > maximumHeaderFields {
            return RequestGuard.plain(.requestHeaderFieldsTooLarge,
                                      "Request headers are limited to \(maximumHeadBytes) bytes and \(maximumHeaderFields) fields.\n")
        }
        return nil
    }

    /// The request in HTTPTypes' terms, as the responder reads it; nil when it has no such form.
    static func converted(_ request: HTTPRequestHead) -> HTTPRequest? {
        var fields = HTTPFields()
        var authority: String?
        for (name, value) in request.headers {
            if name.lowercased() == "host" {
                authority = value
                continue
            }
            guard let field = HTTPField.Name(name) else { return nil }
            fields.append(HTTPField(name: field, value: value))
        }
        guard let method = HTTPRequest.Method(request.method.rawValue) else { return nil }
        return HTTPRequest(method: method, scheme: nil, authority: authority, path: request.uri, headerFields: fields)
    }
}
