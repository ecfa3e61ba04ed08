import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An HTTP client with its own connection pool, for load generators: the shared client behind ``TestHTTP`` keeps at
/// most 8 connections per host, so requests beyond 8 in flight would queue inside the client and the queueing would
/// be measured as the service's latency.
public final class TestHTTPClient: Sendable {
    private let client: HTTPClient

    /// A client keeping up to `connectionsPerHost` connections per host open (on the shared event loop group).
    public init(connectionsPerHost: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Any request; waits at most `timeout` and reads at most 16 MiB of body.
    public func send(_ method: String, _ url: String, headers: [(String, String)], body: [UInt8]?,
                     timeout: Duration = .seconds(30)) async throws -> TestHTTP.Response
    {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.nanoseconds)))
        let collected = try await response.body.collect(upTo: 16 << 20)
        return TestHTTP.Response(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(collected.readableBytesView))
    }

    /// `POST url` with `json` (a `JSONSerialization`-compatible value) as an `application/json` body.
    public func post(_ url: String, json: Any, headers: [(String, String)] = []) async throws -> TestHTTP.Response {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await send("POST", url, headers: [("Content-Type", "application/json")] + headers, body: Array(body))
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating at `Int64.max`).
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
