import NIOCore

/// Closes a connection whose client is too slow or too quiet: the first handler of every
/// connection, so it sees raw bytes before any HTTP decoding.
///
/// A request's line and headers must all arrive within `requestTimeout` of its first byte (a
/// slowloris client trickling a header a second never gets there); between requests, a
/// kept-alive connection may sit idle for `idleTimeout`.
final class ConnectionDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent down the pipeline by the HTTP handler once a whole request has arrived.
    struct RequestComplete: Sendable {}

    private let requestTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var inRequest = false

    init(requestTimeout: TimeAmount, idleTimeout: TimeAmount) {
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        // A client that connects must start its request promptly.
        inRequest = true
        arm(requestTimeout, context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !inRequest {
            inRequest = true
            arm(requestTimeout, context: context)
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is RequestComplete else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        // The answer is written at once; from now the connection is idle until the next byte.
        inRequest = false
        arm(idleTimeout, context: context)
        promise?.succeed(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    private func arm(_ timeout: TimeAmount, context: ChannelHandlerContext) {
        timer?.cancel()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) {
            channel.close(promise: nil)
        }
    }
}
