import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import ServiceLifecycle

/// Keeps an ``AccessTokenVerifier`` trusting the keys an identity provider publishes at its JWKS URL (ARCHITECTURE §6:
/// every service but registration verifies tokens against the registration service's JWKS, or an external OIDC
/// issuer's).
///
/// It fetches the set at start, retrying every second until the first success (until then every token is refused
/// with 401), then every `refreshInterval`, and additionally, at most every `minimumInterval`, as soon as a token names
/// a key id it does not know (a rotation: the issuer signs with its new key at once). A failed fetch or an unusable
/// document keeps the current keys.
public struct JWKSRefresher: Service {
    /// The shared keys of the remote key set, for every service that verifies tokens itself.
    public enum Key {
        public static let url = ConfigurationKey(
            "ASN_AUTH_JWKS_URL", default: "http://127.0.0.1:8081/.well-known/jwks.json",
            help: "Where the identity provider (the registration service, or an external OIDC issuer) publishes "
                + "the Ed25519 keys of its access tokens (JWKS).")
        public static let refreshSeconds = ConfigurationKey(
            "ASN_AUTH_JWKS_REFRESH_SECONDS", default: "300",
            help: "How often the JWKS is fetched again (10-86400 s); an unknown key id triggers an earlier fetch.")
        public static let issuer = ConfigurationKey(
            "ASN_AUTH_ISSUER", default: "asn-recruitment",
            help: "The `iss` of access tokens: written by the registration service, required by every service.")

        /// The three keys, for a service's ``RecruitmentService/configurationKeys``.
        public static var all: [ConfigurationKey] { [url, refreshSeconds, issuer] }
    }

    /// The verifier whose keys are kept current.
    public let verifier: AccessTokenVerifier
    let url: String
    let refreshInterval: Duration
    let minimumInterval: Duration
    let logger: Logger
    private let requests: AsyncStream<Void>
    private let requestContinuation: AsyncStream<Void>.Continuation

    /// A refresher for the JWKS at `url`, verifying tokens of `issuer`, with an empty key set until the first fetch.
    public init(url: String, issuer: String, refreshInterval: Duration = .seconds(300),
                minimumInterval: Duration = .seconds(5), logger: Logger) {
        self.verifier = AccessTokenVerifier(keys: [], issuer: issuer)
        self.url = url
        self.refreshInterval = refreshInterval
        self.minimumInterval = minimumInterval
        self.logger = logger
        (requests, requestContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let continuation = requestContinuation
        verifier.onUnknownKey { continuation.yield() }
    }

    /// A refresher configured from ``Key``; throws ``ConfigurationError`` for a bad URL or interval.
    public init(reader: ConfigurationReader, logger: Logger) throws {
        let url = try reader.string(Key.url)
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              parsed.host != nil
        else { throw ConfigurationError.invalid(key: Key.url.name, value: url, expected: "an http(s) URL") }
        self.init(url: url, issuer: try reader.string(Key.issuer),
                  refreshInterval: .seconds(try reader.int(Key.refreshSeconds, in: 10...86_400)), logger: logger)
    }

    public func run() async throws {
        // Until the first success: every second. A fetch in flight (an unreachable key server retries its connection)
        // must not hold up a shutdown.
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if (try? await cancelWhenGracefulShutdown({ await self.refresh() })) == true { break }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
        // Then on schedule, or early when a token names an unknown key.
        let requests = self.requests
        let interval = refreshInterval
        let (ticks, tick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in requests { tick.yield() }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        tick.yield()
                    }
                }
                group.addTask {
                    for await _ in ticks {
                        _ = await self.refresh()
                        // Rate limit: a flood of tokens with made-up key ids costs at most one fetch per interval.
                        try? await Task.sleep(for: self.minimumInterval)
                    }
                }
            }
        }
        requestContinuation.finish()
        tick.finish()
    }

    /// `/health/ready` requires the keys: until the first successful fetch every token would be refused, so the service
    /// must not receive traffic (a wrong `ASN_AUTH_JWKS_URL` shows here instead of as 401s).
    public var readinessCheck: ReadinessCheck {
        let verifier = self.verifier
        let url = self.url
        return ReadinessCheck(name: "token-keys") {
            verifier.keyIds.isEmpty ? .notReady("no token keys fetched from \(url) yet") : .ready
        }
    }

    /// Fetches the key set once and installs it; `false` (keys unchanged) on any failure, which is logged.
    @discardableResult
    public func refresh() async -> Bool {
        do {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Accept", value: "application/json")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            guard response.status == .ok else {
                logger.warning("JWKS fetch refused", metadata: ["url": "\(url)", "status": "\(response.status.code)"])
                return false
            }
            let body = try await response.body.collect(upTo: 1 << 20)
            let keys = try PublicSigningKey.keys(fromJWKS: String(buffer: body))
            // Key ids are RFC 7638 thumbprints: the same ids are the same keys, and replacing them would only empty
            // the verified-token cache.
            if Set(keys.map(\.keyId)) != Set(verifier.keyIds) { verifier.replaceKeys(keys) }
            logger.debug("JWKS refreshed", metadata: ["url": "\(url)", "kids": "\(verifier.keyIds)"])
            return true
        } catch {
            // Shutting down: the fetch was abandoned on purpose.
            if Task.isCancelled { return false }
            logger.warning("JWKS fetch failed; keeping the current keys", metadata: [
                "url": "\(url)", "error": "\(error)",
            ])
            return false
        }
    }
}
