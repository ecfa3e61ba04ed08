import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import ServiceKit

/// Bearer tokens become `context.identity`; bad ones end in a 401 problem with a challenge, missing roles in a 403.
@Suite struct AuthenticationMiddlewareTests {
    typealias Fixtures = TokenFixtures

    static func application() -> some ApplicationProtocol {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: CorrelationMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(verifier: Fixtures.verifier(Fixtures.current)))
        router.get("/v1/whoami") { _, context -> String in
            context.identity.map { "\($0.accountId.uuidString.lowercased()) \($0.roles.map(\.rawValue).sorted())" }
                ?? "anonymous"
        }
        router.get("/v1/me") { _, context -> String in
            try context.requireIdentity().accountId.uuidString.lowercased()
        }
        router.get("/v1/verification") { _, context -> String in
            _ = try context.requireRole(.verifier, .supervisor)
            return "allowed"
        }
        return Application(router: router)
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func theBearerSchemeIsReadInAnyCaseWithOneToken() {
        #expect(AuthenticationMiddleware.bearerToken("Bearer abc.def") == "abc.def")
        #expect(AuthenticationMiddleware.bearerToken("bearer abc") == "abc")
        #expect(AuthenticationMiddleware.bearerToken("BEARER  abc  ") == "abc")
        for refused in ["Bearer", "Bearer ", "Bearer a b", "Basic abc", "Bearerx abc", "Bearar abc", "abc", "",
                        "Beare abc", "Bearer\tabc"] {
            #expect(AuthenticationMiddleware.bearerToken(refused) == nil, "\(refused)")
        }
    }

    @Test func aRequestWithoutATokenPassesOnAnonymously() async throws {
        try await Self.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/whoami", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "anonymous")
            // A route that needs an identity answers 401 with a bare challenge.
            let me = try await client.execute(uri: "/v1/me", method: .get)
            me.expectProblem(.unauthorized, type: "/problems/unauthenticated")
            #expect(me.headers[.wwwAuthenticate] == #"Bearer realm="asn-recruitment""#)
        }
    }

    @Test func aValidTokenSetsTheIdentity() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(roles: [.verifier]))
        try await Self.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/whoami", method: .get, headers: Self.bearer(token))
            #expect(response.text == "\(Fixtures.accountId.uuidString.lowercased()) [\"verifier\"]")
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: Self.bearer(token))
            #expect(me.text == Fixtures.accountId.uuidString.lowercased())
            let allowed = try await client.execute(uri: "/v1/verification", method: .get, headers: Self.bearer(token))
            #expect(allowed.status == .ok)
            #expect(allowed.text == "allowed")
            // The scheme is case-insensitive.
            let lower = try await client.execute(
                uri: "/v1/me", method: .get, headers: [.authorization: "bearer \(token)"])
            #expect(lower.status == .ok)
        }
    }

    @Test(arguments: ["Bearer garbage.token.here", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "eyJhbGciOi"])
    func aBadAuthorizationHeaderIsA401WithAChallenge(header: String) async throws {
        try await Self.application().test(.router) { client in
            // Even on a route that does not need an identity: a credential that is sent must be valid.
            let response = try await client.execute(
                uri: "/v1/whoami", method: .get, headers: [.authorization: header])
            response.expectProblem(.unauthorized, type: "/problems/invalid-token")
            let challenge = try #require(response.headers[.wwwAuthenticate])
            #expect(challenge.hasPrefix(#"Bearer realm="asn-recruitment", error="invalid_token""#))
            #expect(response.object["correlationId"] is String)
            // The token is never echoed.
            #expect(!response.text.contains("garbage"))
            #expect(!response.text.contains("dXNlcjpwYXNz"))
        }
    }

    @Test func anExpiredTokenIsA401TokenExpired() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(issuedAt: Date().addingTimeInterval(-86_400)))
        try await Self.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/whoami", method: .get, headers: Self.bearer(token))
            response.expectProblem(.unauthorized, type: "/problems/token-expired")
            #expect(response.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            #expect(!response.text.contains(token))
        }
    }

    @Test func aTokenFromAnUntrustedKeyIsA401() async throws {
        let token = try await Fixtures.stranger.sign(Fixtures.claims(roles: [.admin]))
        try await Self.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/whoami", method: .get, headers: Self.bearer(token))
            response.expectProblem(.unauthorized, type: "/problems/invalid-token")
        }
    }

    @Test func aMissingRoleIsA403() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(roles: [.applicant]))
        try await Self.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/verification", method: .get, headers: Self.bearer(token))
            response.expectProblem(.forbidden, type: "/problems/forbidden")
            #expect((response.object["detail"] as? String)?.contains("verifier, supervisor") == true)
            #expect(response.headers[.wwwAuthenticate] == nil)
            // Without a token the same route is a 401, not a 403.
            let anonymous = try await client.execute(uri: "/v1/verification", method: .get)
            anonymous.expectProblem(.unauthorized, type: "/problems/unauthenticated")
        }
    }
}
