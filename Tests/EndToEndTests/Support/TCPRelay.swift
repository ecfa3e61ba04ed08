import NIOCore
import NIOPosix
import Synchronization

/// A loopback TCP relay in front of a server (the broker in the fault drill): clients connect to ``port`` and every
/// byte is passed to and from `127.0.0.1:targetPort`. ``cut()`` closes every relayed connection and stops listening,
/// so clients see their connections drop and new ones refused, as when the server restarts; ``restore()`` listens
/// again on the same port. The server behind keeps its state throughout.
final class TCPRelay: Sendable {
    let port: Int
    let targetPort: Int
    private let group: MultiThreadedEventLoopGroup
    private let state = Mutex<State>(State())

    private struct State {
        var listener: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
        /// Counts the cuts: a connection accepted before a cut whose outbound side connects after it is closed too.
        var cuts = 0
    }

    private init(port: Int, targetPort: Int) {
        self.port = port
        self.targetPort = targetPort
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// A relay listening on `port` for `127.0.0.1:targetPort`.
    static func start(port: Int, targetPort: Int) async throws -> TCPRelay {
        let relay = TCPRelay(port: port, targetPort: targetPort)
        try await relay.restore()
        return relay
    }

    /// Listens again (after ``cut()``); a no-op while listening.
    func restore() async throws {
        if state.withLock({ $0.listener != nil }) { return }
        let targetPort = targetPort
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [weak self] inbound in
                let cuts = self?.state.withLock { $0.cuts } ?? 0
                self?.track(inbound, unlessCutSince: cuts)
                return ClientBootstrap(group: inbound.eventLoop)
                    .connect(host: "127.0.0.1", port: targetPort)
                    .flatMap { outbound in
                        self?.track(outbound, unlessCutSince: cuts)
                        return Self.join(inbound, outbound)
                    }
            }
            .bind(host: "127.0.0.1", port: port).get()
        state.withLock { $0.listener = listener }
    }

    /// Drops every relayed connection and stops accepting new ones (connections are refused until ``restore()``).
    func cut() async {
        let (listener, connections) = state.withLock { state in
            defer { state.listener = nil; state.connections = [:]; state.cuts += 1 }
            return (state.listener, Array(state.connections.values))
        }
        try? await listener?.close()
        for connection in connections { try? await connection.close() }
    }

    /// Stops the relay for good.
    func shutdown() async {
        await cut()
        try? await group.shutdownGracefully()
    }

    /// Remembers `channel` so that the next ``cut()`` closes it; closes it now if a cut came after it was accepted.
    private func track(_ channel: any Channel, unlessCutSince cuts: Int) {
        let key = ObjectIdentifier(channel)
        let tracked = state.withLock { state in
            guard state.cuts == cuts else { return false }
            state.connections[key] = channel
            return true
        }
        guard tracked else { return channel.close(promise: nil) }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.state.withLock { $0.connections.removeValue(forKey: key) }
        }
    }

    /// Pipes `a` and `b` into each other (both on one event loop). The accepted channel `a` is registered, and so
    /// starts reading, only once this future completes.
    private static func join(_ a: any Channel, _ b: any Channel) -> EventLoopFuture<Void> {
        a.pipeline.addHandler(Pipe(to: b)).flatMap { b.pipeline.addHandler(Pipe(to: a)) }
    }

    /// Writes what its channel reads to `partner` (no back-pressure: test traffic) and closes `partner` when its
    /// channel closes.
    private final class Pipe: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let partner: any Channel

        init(to partner: any Channel) {
            self.partner = partner
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let channel = context.channel
            partner.writeAndFlush(unwrapInboundIn(data)).whenFailure { _ in channel.close(promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            partner.close(promise: nil)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
