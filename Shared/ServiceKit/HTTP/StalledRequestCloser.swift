import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request is still arriving when graceful shutdown begins, as soon as its client has sent
/// nothing for ``silence``.
///
/// On shutdown Hummingbird lets every connection finish the request it is serving, which is right for a request
/// being answered. A request whose body stalled (a dead mobile connection, a slowloris) would instead hold the
/// shutdown until the idle timeout, longer than the shutdown may take. A client still sending keeps its connection;
/// the one whose connection is closed gets no answer and retries, which is safe: its request never reached a
/// handler's end.
final class StalledRequestCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// How long a client may stay silent in the middle of a request once shutdown began.
    let silence: TimeAmount
    private var isReceivingRequest = false
    private var isQuiescing = false
    private var lastRead = NIODeadline.uptimeNanoseconds(0)
    private var check: Scheduled<Void>?

    init(silence: TimeAmount) {
        self.silence = silence
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: isReceivingRequest = true
        case .body: break
        case .end:
            isReceivingRequest = false
            check?.cancel()
            check = nil
        }
        if isQuiescing { lastRead = .now() }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, !isQuiescing {
            isQuiescing = true
            lastRead = .now()
            if isReceivingRequest { scheduleCheck(context: context) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    private func scheduleCheck(context: ChannelHandlerContext) {
        check = context.eventLoop.assumeIsolated().scheduleTask(deadline: lastRead + silence) { [self] in
            check = nil
            guard isReceivingRequest else { return }
            if NIODeadline.now() - lastRead >= silence {
                context.close(promise: nil)
            } else {
                scheduleCheck(context: context)
            }
        }
    }
}

@available(*, unavailable)
extension StalledRequestCloser: Sendable {}
