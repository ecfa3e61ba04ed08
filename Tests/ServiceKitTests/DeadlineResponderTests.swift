import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import ServiceKit

/// Every API request gets an answer: a handler stuck on a wait that never ends (as a PostgresNIO query written to a
/// just-closed connection is) is answered 503 once the deadline has passed after the body arrived.
@Suite struct DeadlineResponderTests {
    /// A wait that ignores cancellation; released at the end of each test.
    final class Stuck: Sendable {
        let parked = Mutex<[CheckedContinuation<Void, Never>]>([])
        func wait() async { await withCheckedContinuation { continuation in parked.withLock { $0.append(continuation) } } }
        func releaseAll() { for continuation in parked.withLock({ $0 }) { continuation.resume() } }
    }

    static func application(_ stuck: Stuck, deadline: Duration) -> some ApplicationProtocol {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.get("/v1/stuck") { _, _ -> Response in
            await stuck.wait()
            return Response(status: .ok)
        }
        router.post("/v1/stuck") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            await stuck.wait()
            return Response(status: .ok)
        }
        router.post("/v1/echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .ok, body: .init(byteBuffer: body))
        }
        router.get("/health/live") { _, _ -> Response in
            try await Task.sleep(for: deadline * 3)
            return Response(status: .ok)
        }
        return Application(responder: DeadlineResponder(inner: router.buildResponder(), deadline: deadline))
    }

    @Test func aStuckHandlerIsAnswered503AtTheDeadline() async throws {
        let stuck = Stuck()
        defer { stuck.releaseAll() }
        try await Self.application(stuck, deadline: .seconds(10)).test(.live) { client in
            let start = ContinuousClock.now
            let response = try await client.execute(uri: "/v1/stuck", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(ContinuousClock.now - start < .seconds(60), "answered long before the stuck handler would")
            let posted = try await client.execute(
                uri: "/v1/stuck", method: .post, body: ByteBuffer(string: String(repeating: "x", count: 100_000)))
            #expect(posted.status == .serviceUnavailable)
            // The connection still serves the next request.
            let echoed = try await client.execute(uri: "/v1/echo", method: .post, body: ByteBuffer(string: "hello"))
            #expect(echoed.status == .ok)
            #expect(String(buffer: echoed.body) == "hello")
        }
    }

    @Test func operationsEndpointsAreNotBounded() async throws {
        let stuck = Stuck()
        try await Self.application(stuck, deadline: .milliseconds(200)).test(.router) { client in
            let response = try await client.execute(uri: "/health/live", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test func announcedBodiesAreRecognised() {
        func request(_ fields: HTTPFields) -> Request {
            Request(head: .init(method: .post, scheme: "http", authority: "x", path: "/", headerFields: fields),
                    body: .init(buffer: ByteBuffer()))
        }
        #expect(DeadlineResponder<RouterResponder<ServiceRequestContext>>.hasBody(request([.contentLength: "12"])))
        #expect(!DeadlineResponder<RouterResponder<ServiceRequestContext>>.hasBody(request([.contentLength: "0"])))
        #expect(!DeadlineResponder<RouterResponder<ServiceRequestContext>>.hasBody(request([:])))
        #expect(DeadlineResponder<RouterResponder<ServiceRequestContext>>.hasBody(request([.transferEncoding: "chunked"])))
    }
}
