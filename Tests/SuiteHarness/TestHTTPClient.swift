import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The HTTP/1.1 client of the load generators: keep-alive connections straight on NIO, one request at a time on each,
/// up to `connectionsPerHost` per host.
///
/// The benchmarks run their load generator on the machine they measure, so every microsecond it spends is taken from
/// the service. A general-purpose client (AsyncHTTPClient: request tasks, state machines, redirects, decompression)
/// cost about 0.4 ms of CPU per request, a fifth of what registration spends on a submission; this one writes the
/// request and collects the response in one channel handler. Requests beyond the connection limit wait for a free
/// connection (that wait is measured, so size the limit above the load's concurrency). Plain `http` only.
public final class TestHTTPClient: Sendable {
    private let connectionsPerHost: Int
    private let pools = Mutex<[String: HostConnections]>([:])

    /// A client keeping up to `connectionsPerHost` connections per host open (on the shared event loop group).
    public init(connectionsPerHost: Int) {
        self.connectionsPerHost = max(1, connectionsPerHost)
    }

    /// Any request; waits at most `timeout` and reads at most 16 MiB of body.
    public func send(_ method: String, _ url: String, headers: [(String, String)], body: [UInt8]?,
                     timeout: Duration = .seconds(30)) async throws -> TestHTTP.Response
    {
        let target = try Target(url)
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: target.path)
        head.headers.add(name: "Host", value: target.hostHeader)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let body { head.headers.add(name: "Content-Length", value: String(body.count)) }
        let pool = pool(for: target)
        let connection = try await pool.acquire()
        let request = PendingRequest(
            head: head, body: body.map { ByteBuffer(bytes: $0) }, timeout: timeout,
            promise: connection.channel.eventLoop.makePromise())
        do {
            connection.channel.writeAndFlush(request, promise: nil)
            let answer = try await request.promise.futureResult.get()
            pool.release(connection, reusable: answer.keepAlive)
            return answer.response
        } catch {
            pool.release(connection, reusable: false)
            throw error
        }
    }

    /// Opens connections to the host of `url` until `count` are open (or the limit is reached), and keeps them idle
    /// for the requests to come: a load generator connects before it measures, so that the first requests of a
    /// measured phase do not also wait for TCP handshakes.
    public func openConnections(to url: String, count: Int) async throws {
        let target = try Target(url)
        let pool = pool(for: target)
        var opened: [Connection] = []
        defer { for connection in opened { pool.release(connection, reusable: true) } }
        for _ in 0..<min(count, connectionsPerHost) {
            opened.append(try await pool.acquire())
        }
    }

    /// `POST url` with `json` (a `JSONSerialization`-compatible value) as an `application/json` body.
    public func post(_ url: String, json: Any, headers: [(String, String)] = []) async throws -> TestHTTP.Response {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await send("POST", url, headers: [("Content-Type", "application/json")] + headers, body: Array(body))
    }

    private func pool(for target: Target) -> HostConnections {
        pools.withLock { pools in
            if let existing = pools[target.hostHeader] { return existing }
            let created = HostConnections(host: target.host, port: target.port, limit: connectionsPerHost)
            pools[target.hostHeader] = created
            return created
        }
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        let all = pools.withLock { pools in
            defer { pools = [:] }
            return Array(pools.values)
        }
        for pool in all { await pool.close() }
    }
}

/// Why a ``TestHTTPClient`` request failed before it had an answer.
public enum TestHTTPClientError: Error, CustomStringConvertible {
    case unsupportedURL(String)
    case timedOut(Duration)
    case connectionClosed
    case bodyTooLarge

    public var description: String {
        switch self {
        case .unsupportedURL(let url): "not a plain http URL: \(url)"
        case .timedOut(let limit): "no response within \(limit)"
        case .connectionClosed: "the server closed the connection before responding"
        case .bodyTooLarge: "the response body exceeds 16 MiB"
        }
    }
}

/// Scheme, host, port and path of a request URL.
private struct Target {
    let host: String
    let port: Int
    let path: String
    var hostHeader: String { "\(host):\(port)" }

    init(_ url: String) throws {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "http",
              let host = components.host, !host.isEmpty
        else { throw TestHTTPClientError.unsupportedURL(url) }
        self.host = host
        self.port = components.port ?? 80
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.path = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }
}

/// One request on its way: written by ``ResponseCollector``, whose answer completes `promise`.
private struct PendingRequest: Sendable {
    let head: HTTPRequestHead
    let body: ByteBuffer?
    let timeout: Duration
    let promise: EventLoopPromise<Answer>
}

/// A response, and whether its connection may carry another request.
private struct Answer: Sendable {
    let response: TestHTTP.Response
    let keepAlive: Bool
}

/// An open connection of a ``HostConnections``.
private struct Connection: Sendable {
    let channel: any Channel
}

/// The connections to one host: idle ones are reused, new ones opened up to the limit, then callers wait in order.
private final class HostConnections: Sendable {
    private struct State {
        var idle: [Connection] = []
        var open = 0
        var waiters: [CheckedContinuation<Connection?, Never>] = []
    }

    let host: String
    let port: Int
    let limit: Int
    private let state = Mutex(State())

    init(host: String, port: Int, limit: Int) {
        self.host = host
        self.port = port
        self.limit = limit
    }

    /// An idle connection, a new one, or (at the limit) the next one released.
    func acquire() async throws -> Connection {
        enum Next { case use(Connection), open, wait }
        while true {
            let next: Next = state.withLock { state in
                while let connection = state.idle.popLast() {
                    if connection.channel.isActive { return .use(connection) }
                    state.open -= 1
                }
                if state.open < limit {
                    state.open += 1
                    return .open
                }
                return .wait
            }
            switch next {
            case .use(let connection):
                return connection
            case .open:
                do {
                    return try await connect()
                } catch {
                    release(nil, reusable: false)
                    throw error
                }
            case .wait:
                // Handed a connection by `release`, or nil: a slot was freed, try again.
                if let handed = await withCheckedContinuation({ continuation in
                    state.withLock { $0.waiters.append(continuation) }
                }) {
                    return handed
                }
            }
        }
    }

    /// Returns `connection` for reuse, or gives up its slot (closing it) when it cannot carry another request.
    func release(_ connection: Connection?, reusable: Bool) {
        let isReusable = reusable && connection?.channel.isActive == true
        let waiter: CheckedContinuation<Connection?, Never>? = state.withLock { state in
            if !isReusable { state.open -= 1 }
            if state.waiters.isEmpty {
                if isReusable, let connection { state.idle.append(connection) }
                return nil
            }
            return state.waiters.removeFirst()
        }
        if !isReusable { connection?.channel.close(promise: nil) }
        waiter?.resume(returning: isReusable ? connection : nil)
    }

    func close() async {
        let idle = state.withLock { state in
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try? await connection.channel.close() }
    }

    private func connect() async throws -> Connection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector())
                }
            }
            .connect(host: host, port: port).get()
        return Connection(channel: channel)
    }
}

/// Writes a ``PendingRequest`` and completes its promise with the response, a timeout or the connection's end.
private final class ResponseCollector: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PendingRequest
    typealias OutboundOut = HTTPClientRequestPart

    static let maximumBody = 16 << 20

    private var pending: EventLoopPromise<Answer>?
    private var timeout: Scheduled<Void>?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        guard pending == nil else {
            request.promise.fail(TestHTTPClientError.connectionClosed)
            return
        }
        pending = request.promise
        head = nil
        body = []
        let limit = request.timeout
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limit)) { [self] in
            fail(TestHTTPClientError.timedOut(limit))
            context.close(promise: nil)
        }
        context.write(wrapOutboundOut(.head(request.head)), promise: nil)
        if let buffer = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let received):
            head = received
        case .body(var buffer):
            guard body.count + buffer.readableBytes <= Self.maximumBody else {
                fail(TestHTTPClientError.bodyTooLarge)
                context.close(promise: nil)
                return
            }
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let promise = pending, let head else { return }
            pending = nil
            timeout?.cancel()
            timeout = nil
            promise.succeed(Answer(
                response: TestHTTP.Response(
                    status: Int(head.status.code), headers: head.headers.map { ($0.name, $0.value) }, body: body),
                keepAlive: head.isKeepAlive))
            body = []
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(TestHTTPClientError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: any Error) {
        timeout?.cancel()
        timeout = nil
        pending?.fail(error)
        pending = nil
    }
}

@available(*, unavailable)
extension ResponseCollector: Sendable {}
