import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
@testable import ServiceKit

/// A service trusts the keys its identity provider publishes: fetched over HTTP, kept when the provider fails, and
/// reported in readiness until the first fetch succeeds.
@Suite struct JWKSRefresherTests {
    typealias Fixtures = TokenFixtures

    /// A JWKS endpoint whose document (or failure) the test switches.
    final class Issuer: Sendable {
        let document = Mutex<String?>(nil)

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.get("/.well-known/jwks.json") { _, _ -> Response in
                guard let json = self.document.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
            }
            return router
        }
    }

    @Test func readyOnceTheKeysAreFetchedAndTheKeysSurviveAFailingIssuer() async throws {
        let issuer = Issuer()
        let app = Application(router: issuer.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let refresher = JWKSRefresher(
                url: "http://127.0.0.1:\(port)/.well-known/jwks.json", issuer: Fixtures.issuer,
                logger: Logger(label: "test"))
            let token = try await Fixtures.current.sign(Fixtures.claims(roles: [.verifier]))

            // The issuer is down: no keys, not ready, every token refused.
            #expect(await refresher.refresh() == false)
            #expect(try await refresher.readinessCheck.check() != .ready)
            await #expect(throws: AuthenticationError.invalidSignature) { try await refresher.verifier.verify(token) }

            // Keys published: fetched, ready, tokens verify.
            issuer.document.withLock { $0 = Fixtures.current.jwksJSON }
            #expect(await refresher.refresh())
            #expect(try await refresher.readinessCheck.check() == .ready)
            #expect(try await refresher.verifier.verify(token).roles == [.verifier])

            // The issuer fails again, or publishes garbage: the known keys stay in place.
            issuer.document.withLock { $0 = nil }
            #expect(await refresher.refresh() == false)
            issuer.document.withLock { $0 = #"{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}"# }
            #expect(await refresher.refresh() == false)
            #expect(refresher.verifier.keyIds == [Fixtures.current.publicKey.keyId])

            // A rotation: the next key signs, the set names both.
            issuer.document.withLock { $0 = PublicSigningKey.jwksJSON(for: [Fixtures.previous.publicKey, Fixtures.current.publicKey]) }
            #expect(await refresher.refresh())
            #expect(Set(refresher.verifier.keyIds) == [Fixtures.current.publicKey.keyId, Fixtures.previous.publicKey.keyId])
            let rotated = try await Fixtures.previous.sign(Fixtures.claims(roles: [.supervisor]))
            #expect(try await refresher.verifier.verify(rotated).roles == [.supervisor])
        }
    }

    @Test func aBadURLIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) {
            _ = try JWKSRefresher(
                reader: ConfigurationReader(environment: ["ASN_AUTH_JWKS_URL": "ftp://keys.example"]),
                logger: Logger(label: "test"))
        }
        #expect(throws: ConfigurationError.self) {
            _ = try JWKSRefresher(
                reader: ConfigurationReader(environment: ["ASN_AUTH_JWKS_REFRESH_SECONDS": "1"]),
                logger: Logger(label: "test"))
        }
    }
}
