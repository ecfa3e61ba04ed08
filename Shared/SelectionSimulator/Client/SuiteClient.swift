import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The simulator's only way into the suite: HTTP requests to the services' public APIs, each timed under a stage
/// name (``StageLatencies``). It never touches a database or the broker.
public final class SuiteClient: Sendable {
    /// Where the four services are.
    public let endpoints: ServiceEndpoints
    /// Every request's latency, by stage.
    public let latencies: StageLatencies
    private let client: HTTPClient

    /// A client keeping up to `connectionsPerHost` connections per service open.
    public init(endpoints: ServiceEndpoints, connectionsPerHost: Int = 16, latencies: StageLatencies = StageLatencies()) {
        self.endpoints = endpoints
        self.latencies = latencies
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost))
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// A request body.
    public enum Body: Sendable {
        /// `application/json` from a `JSONSerialization`-compatible value (wrapped so it can cross tasks).
        case json(JSONBody)
        /// Raw bytes with a content type (a document upload, a CSV file).
        case bytes([UInt8], contentType: String)
    }

    /// A JSON value for ``Body/json(_:)``; `JSONSerialization` values are not `Sendable`, so the body is encoded
    /// at construction.
    public struct JSONBody: Sendable {
        let data: [UInt8]

        /// Encodes `value` (dictionaries, arrays, strings, numbers, `NSNull`).
        public init(_ value: Any) {
            data = Array((try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data("null".utf8))
        }
    }

    /// Sends `method url` with an optional bearer token and body; times it under `stage`. Waits at most `timeout`.
    public func send(_ method: String, _ url: String, token: String? = nil, body: Body? = nil,
                     headers extra: [(String, String)] = [], stage: String,
                     timeout: Duration = .seconds(60)) async throws -> APIResponse
    {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        switch body {
        case .json(let json)?:
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json.data))
        case .bytes(let bytes, let contentType)?:
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: bytes))
        case nil:
            break
        }
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
        let collected = try await response.body.collect(upTo: 64 << 20)
        latencies.record(stage, start: start)
        return APIResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                           body: Array(collected.readableBytesView))
    }

    /// Sends a request and requires one of `expected` statuses; answers the response.
    @discardableResult
    public func expect(_ method: String, _ url: String, token: String? = nil, body: Body? = nil, stage: String,
                       step: String? = nil, status expected: Int...) async throws -> APIResponse
    {
        let response = try await send(method, url, token: token, body: body, stage: stage)
        guard expected.contains(response.status) else {
            throw SimulationError.unexpectedStatus(
                step: step ?? "\(method) \(url)", expected: expected, status: response.status, body: response.text)
        }
        return response
    }

    /// Logs in at the registration service (e-mail address or NIK) and answers the access token.
    public func login(_ username: String, password: String, stage: String = "login") async throws -> String {
        let response = try await expect(
            "POST", "\(endpoints.registration)/v1/auth/token",
            body: .json(JSONBody(["username": username, "password": password])), stage: stage, step: "log in",
            status: 200)
        guard let token = response.json["accessToken"] as? String else {
            throw SimulationError.malformedAnswer(step: "log in", detail: "no accessToken")
        }
        return token
    }

    /// Polls `probe` every `interval` until it answers a value or `timeout` passes (then throws ``SimulationError/timedOut(step:detail:)``).
    public func waitFor<T: Sendable>(_ step: String, timeout: Duration = .seconds(60), interval: Duration = .milliseconds(250),
                                     _ probe: () async throws -> T?) async throws -> T
    {
        let deadline = ContinuousClock.now + timeout
        var lastError: (any Error)?
        while true {
            do {
                if let value = try await probe() { return value }
            } catch {
                lastError = error
            }
            guard ContinuousClock.now < deadline else {
                throw SimulationError.timedOut(step: step, detail: lastError.map { "\($0)" } ?? "not reached within \(timeout)")
            }
            try await Task.sleep(for: interval)
        }
    }
}
