import HTTPTypes
import HummingbirdCore
import NIOHTTPTypes
import NIOCore

/// Answers each request on the event loop that read it, straight after HTTP decoding: every answer
/// comes from memory, so there is nothing to wait for and no reason to hop to another thread.
///
/// Requests are answered in order (NIO's pipelining handler sits before this one); malformed ones
/// never get here: the decoder's error reaches HummingbirdCore, which answers 400 and closes.
final class FeedChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let responder: FeedResponder
    private let dates: ResponseDate
    private var request: HTTPRequest?

    init(responder: FeedResponder, dates: ResponseDate) {
        self.responder = responder
        self.dates = dates
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            var answer = responder.respond(to: head)
            answer.headers[.date] = dates.now
            context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: answer.headers))), promise: nil)
            if head.method != .head, let body = answer.body, body.readableBytes > 0 {
                context.write(wrapOutboundOut(.body(body)), promise: nil)
            }
            if head.headerFields[.connection] == "close" {
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
            } else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
