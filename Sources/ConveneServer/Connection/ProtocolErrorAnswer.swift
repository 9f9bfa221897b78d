import NIOCore
import NIOHTTP1

/// Answers a request NIO's HTTP/1 parser cannot read, then lets the connection close: 431 when its
/// head is over the parser's limit (80 KB of fields), 400 for anything else. Takes the place of NIO's
/// `HTTPServerProtocolErrorHandler`, which answers 400 to both.
final class ProtocolErrorAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// True between a response's head and its end: no second response may start then.
    private var responding = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parsing = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        if !responding {
            // The decoder closes the connection right after this returns: write now, never later.
            let status: HTTPResponseStatus = parsing == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest
            var headers = HTTPHeaders([("Connection", "close"), ("Content-Length", "0")])
            headers.add(contentsOf: HTTPConnectionHandler.everyResponse)
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200: responding = true
        case .end: responding = false
        default: break
        }
        context.write(data, promise: promise)
    }
}
