import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The simulator's only way into the suite: HTTP requests to the services' public APIs, each timed under a stage
/// name (``StageLatencies``). It never touches a database or the broker.
public final class SuiteClient: Sendable {
    /// Where the four services are.
    public let endpoints: ServiceEndpoints
    /// Every request's latency, by stage.
    public let latencies: StageLatencies
    private let client: HTTPClient

    /// How long a request is retried while its service is unavailable (see ``send(_:_:token:body:headers:stage:timeout:)``).
    public let unavailableRetryWindow: Duration
    private let retries: Atomic<Int>
    private let sessions = SessionRenewal()

    /// A client keeping up to `connectionsPerHost` connections per service open, retrying requests a service could not
    /// take for up to `unavailableRetryWindow`.
    public init(endpoints: ServiceEndpoints, connectionsPerHost: Int = 16, latencies: StageLatencies = StageLatencies(),
                unavailableRetryWindow: Duration = .seconds(60))
    {
        self.endpoints = endpoints
        self.latencies = latencies
        self.unavailableRetryWindow = unavailableRetryWindow
        self.retries = Atomic(0)
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

    /// Requests sent again because their service was unavailable, so far.
    public var unavailableRetries: Int { retries.load(ordering: .relaxed) }

    /// Sessions signed in again because their access token had expired, so far.
    public var renewedSessions: Int { sessions.renewed }

    /// Sends `method url` with an optional bearer token and body; times it under `stage`. Waits at most `timeout`,
    /// by default longer than the services' own request deadline (`ASN_HTTP_REQUEST_DEADLINE_SECONDS`, 60 s), so a
    /// request a service could not finish is answered 503 by the service and sent again.
    ///
    /// A request the service did not take is sent again, as a portal would, until ``unavailableRetryWindow`` has
    /// passed: a 503 (the service answers that its database or broker is away and nothing was changed) or a
    /// connection that could not be opened (the service is restarting). An idempotent request (GET, PUT, DELETE:
    /// repeating it has the effect of sending it once) is also sent again when it got no answer at all. Any other
    /// answer or error is returned or thrown at once: a POST whose connection broke after it was sent is not repeated
    /// (its effect is unknown).
    ///
    /// A token that ``login(_:password:stage:)`` answered is renewed when a service says it has expired (401
    /// `/problems/token-expired`): the client signs in again with the same credentials, as a portal would, and sends
    /// the request once more; later requests with the old token use the new one.
    public func send(_ method: String, _ url: String, token: String? = nil, body: Body? = nil,
                     headers extra: [(String, String)] = [], stage: String,
                     timeout: Duration = .seconds(90)) async throws -> APIResponse
    {
        let token = token.map(sessions.current)
        let response = try await sendRetryingUnavailable(
            method, url, token: token, body: body, headers: extra, stage: stage, timeout: timeout)
        guard let token, response.status == 401, response.json["type"] as? String == "/problems/token-expired",
              let renewed = try await sessions.renew(token, login: { [self] username, password in
                  try await login(username, password: password, stage: "login-again")
              })
        else { return response }
        return try await sendRetryingUnavailable(
            method, url, token: renewed, body: body, headers: extra, stage: stage, timeout: timeout)
    }

    /// ``send(_:_:token:body:headers:stage:timeout:)`` without the session renewal.
    private func sendRetryingUnavailable(_ method: String, _ url: String, token: String?, body: Body?,
                                         headers extra: [(String, String)], stage: String, timeout: Duration)
        async throws -> APIResponse
    {
        let deadline = ContinuousClock.now + unavailableRetryWindow
        var pause = Duration.milliseconds(100)
        while true {
            let outcome: Result<APIResponse, any Error>
            do {
                outcome = .success(try await sendOnce(method, url, token: token, body: body, headers: extra,
                                                      stage: stage, timeout: timeout))
            } catch {
                outcome = .failure(error)
            }
            let transient = switch outcome {
            case .success(let response): response.status == 503
            case .failure(let error): Self.isConnectFailure(error) || Self.idempotentMethods.contains(method)
            }
            guard transient, ContinuousClock.now + pause < deadline else {
                do {
                    return try outcome.get()
                } catch {
                    throw SimulationError.noAnswer(request: "\(method) \(url)", error: "\(error)")
                }
            }
            retries.add(1, ordering: .relaxed)
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(2))
        }
    }

    /// Methods whose requests may be repeated after getting no answer (RFC 9110 §9.2.2).
    static let idempotentMethods: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]

    /// Whether `error` says no connection could be opened (nothing was sent).
    static func isConnectFailure(_ error: any Error) -> Bool {
        if let client = error as? HTTPClientError {
            return client == .connectTimeout || client == .socksHandshakeTimeout
        }
        if error is NIOConnectionError { return true }
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        if case ChannelError.connectTimeout = error { return true }
        return false
    }

    /// One attempt of ``send(_:_:token:body:headers:stage:timeout:)``.
    private func sendOnce(_ method: String, _ url: String, token: String?, body: Body?, headers extra: [(String, String)],
                          stage: String, timeout: Duration) async throws -> APIResponse
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
        sessions.opened(token, username: username, password: password)
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
